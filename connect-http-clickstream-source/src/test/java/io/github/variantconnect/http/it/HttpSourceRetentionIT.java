package io.github.variantconnect.http.it;

import static io.github.variantconnect.http.it.DemoFeeds.bounded;
import static io.github.variantconnect.http.it.DemoFeeds.connector;
import static io.github.variantconnect.http.it.DemoFeeds.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backfill of history older than the topic's retention, on a broker that checks retention every
 * second: with the default configuration every event stays; with record.timestamp=event_time the
 * broker deletes them, which is how the test knows the retention checks ran.
 */
class HttpSourceRetentionIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder()
      .brokerProperty("log.retention.check.interval.ms", "1000").build();

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final long RETENTION_MS = Duration.ofHours(1).toMillis();

  @Test
  void anOldBackfillSurvivesTheOneSecondRetentionCheckWithTheDefaultConfig() throws Exception {
    Instant daysAgo = Instant.now().minus(Duration.ofDays(5));
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(83, 3_000, 3_000, 1_000).start(daysAgo).build())) {
      createTopic("backfill-default");
      createTopic("backfill-event-time");
      CONNECT.rest().putConfig("backfill-default", connector(api, "backfill-default"));
      CONNECT.rest().putConfig("backfill-event-time",
          with(connector(api, "backfill-event-time"), "record.timestamp", "event_time"));
      CONNECT.topicReader().awaitRecords("backfill-event-time", 1, TIMEOUT);

      Awaits.until(TIMEOUT, "the broker deleting the event-time records older than retention.ms",
          () -> earliestOffset("backfill-event-time") >= 3_000);

      DeliveredEvents.assertExactlyOnce(CONNECT, api, "backfill-default", DemoFeeds.truth(api), TIMEOUT);
      assertThat(earliestOffset("backfill-default")).as("nothing deleted from the default topic").isZero();
      CONNECT.rest().delete("backfill-default");
      CONNECT.rest().delete("backfill-event-time");
    }
  }

  private static void createTopic(String topic) throws Exception {
    try (Admin admin = CONNECT.kafka().admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("retention.ms",
          Long.toString(RETENTION_MS))))).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static long earliestOffset(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (Admin admin = CONNECT.kafka().admin()) {
      return admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).partitionResult(partition)
          .get(30, TimeUnit.SECONDS).offset();
    } catch (Exception e) {
      throw new IllegalStateException("listing offsets of " + topic, e);
    }
  }
}
