package io.github.variantconnect.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimesTest {

  @Test
  void clickstreamEventsCarryTheirTimeInTheValueAndTrainsInTheRecordTimestamp() {
    ConsumerRecord<byte[], byte[]> click = record(1_000L,
        "{\"event_id\":\"e1\",\"price\":9.5,\"event_time\":\"2026-01-05T08:00:00.250Z\",\"country\":\"DE\"}");

    assertThat(EventTimes.VALUE_EVENT_TIME.of(click)).isEqualTo(Instant.parse("2026-01-05T08:00:00.250Z").toEpochMilli());
    assertThat(EventTimes.RECORD_TIMESTAMP.of(click)).isEqualTo(1_000L);
    assertThatThrownBy(() -> EventTimes.VALUE_EVENT_TIME.of(record(1L, "{\"event_id\":\"e2\"}")))
        .hasMessageContaining("no event_time in clicks-0@7");
  }

  private static ConsumerRecord<byte[], byte[]> record(long timestamp, String json) {
    return new ConsumerRecord<>("clicks", 0, 7, timestamp, TimestampType.CREATE_TIME, 0, 0, null,
        json.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
  }
}
