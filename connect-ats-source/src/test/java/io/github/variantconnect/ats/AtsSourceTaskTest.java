package io.github.variantconnect.ats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.ats.source.TelemetrySchema;
import io.github.variantconnect.testkit.FakeSourceTaskContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class AtsSourceTaskTest {

  private final Map<Map<String, ?>, Map<String, Object>> stored = new HashMap<>();

  private AtsSourceTask startTask(Map<String, String> overrides) {
    AtsSourceConnector connector = new AtsSourceConnector();
    Map<String, String> props = new HashMap<>(Map.of(
        "sim.start", "2026-01-05T08:00:00Z", "sim.speedup", "1e9", "lines", "L1", "batch.size", "500"));
    props.putAll(overrides);
    connector.start(props);
    AtsSourceTask task = new AtsSourceTask();
    task.initialize(new FakeSourceTaskContext(Map.of(), stored));
    task.start(connector.taskConfigs(1).get(0));
    return task;
  }

  @Test
  void pollReturnsValidStructsKeyedByTrainAndStampedWithEventTime() throws Exception {
    AtsSourceTask task = startTask(Map.of());
    List<SourceRecord> records = task.poll();

    assertThat(records).isNotEmpty().hasSizeLessThanOrEqualTo(500);
    for (SourceRecord r : records) {
      Struct value = (Struct) r.value();
      value.validate();
      assertThat(r.valueSchema()).isEqualTo(TelemetrySchema.VALUE);
      assertThat(r.key()).isEqualTo(value.getString("train_id"));
      assertThat(r.timestamp()).isEqualTo(Instant.parse(value.getString("event_time")).toEpochMilli());
      assertThat(r.topic()).isEqualTo("ats-telemetry");
      assertThat(r.sourcePartition()).isEqualTo(Map.of("train_id", value.getString("train_id")));
      assertThat(r.sourceOffset().get("seq")).isEqualTo(value.getInt64("seq"));
    }
    task.stop();
  }

  @Test
  void jsonValueFormatEmitsWhatTheJsonConverterWritesForTheStructs() throws Exception {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", "false"), false);
    Map<String, String> settings = Map.of("alerts.topic", "alerts", "alert.passengers.threshold", "300");
    List<SourceRecord> structs = startTask(settings).poll();
    Map<String, String> json = new HashMap<>(settings);
    json.put("value.format", "json");
    List<SourceRecord> bytes = startTask(json).poll();

    assertThat(bytes).hasSameSizeAs(structs).isNotEmpty();
    assertThat(bytes).extracting(SourceRecord::topic).contains("alerts");
    for (int i = 0; i < structs.size(); i++) {
      SourceRecord expected = structs.get(i);
      SourceRecord actual = bytes.get(i);
      assertThat(actual.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
      byte[] converted = converter.fromConnectData(expected.topic(), expected.valueSchema(), expected.value());
      assertThat(new String((byte[]) actual.value(), StandardCharsets.UTF_8))
          .isEqualTo(new String(converted, StandardCharsets.UTF_8));
      assertThat(actual.topic()).isEqualTo(expected.topic());
      assertThat(actual.key()).isEqualTo(expected.key());
      assertThat(actual.timestamp()).isEqualTo(expected.timestamp());
      assertThat(actual.sourcePartition()).isEqualTo(expected.sourcePartition());
      // The two tasks were configured a few milliseconds apart: only the wall-clock anchor differs.
      assertThat(actual.sourceOffset().get("seq")).isEqualTo(expected.sourceOffset().get("seq"));
      assertThat(actual.sourceOffset().get("sim_start_ms")).isEqualTo(expected.sourceOffset().get("sim_start_ms"));
    }
  }

  @Test
  void eventsAheadOfTheWallClockAreStampedWithTheWallClock() throws Exception {
    long before = System.currentTimeMillis();
    List<SourceRecord> records = startTask(Map.of("sim.start", "2099-01-05T08:00:00Z")).poll();

    assertThat(records).isNotEmpty().allSatisfy(r -> {
      assertThat(((Struct) r.value()).getString("event_time")).startsWith("2099-01-05");
      assertThat(r.timestamp()).isBetween(before, System.currentTimeMillis());
    });
  }

  @Test
  void wallClockTimestampsKeepASimulationFarInThePastInsideRetention() throws Exception {
    long before = System.currentTimeMillis();
    List<SourceRecord> records =
        startTask(Map.of("sim.start", "2020-01-06T08:00:00Z", "record.timestamp", "wall_clock")).poll();

    assertThat(records).isNotEmpty().allSatisfy(r -> {
      assertThat(((Struct) r.value()).getString("event_time")).startsWith("2020-01-06");
      assertThat(r.timestamp()).isBetween(before, System.currentTimeMillis());
    });
  }

  @Test
  void alertEventsAreCopiedToTheAlertsTopic() throws Exception {
    AtsSourceTask task = startTask(Map.of("alerts.topic", "alerts", "alert.passengers.threshold", "0"));
    List<SourceRecord> records = task.poll();

    long telemetry = records.stream().filter(r -> r.topic().equals("ats-telemetry")).count();
    List<SourceRecord> alerts = records.stream().filter(r -> r.topic().equals("alerts")).toList();
    assertThat(alerts).isNotEmpty().hasSizeLessThanOrEqualTo((int) telemetry);
    alerts.forEach(a -> assertThat(((Struct) a.value()).getArray("alerts")).isNotEmpty());
  }

  @Test
  void restartsFromStoredOffsets() throws Exception {
    AtsSourceTask first = startTask(Map.of());
    List<SourceRecord> before = first.poll();
    before.forEach(r -> stored.put(r.sourcePartition(), new HashMap<>(r.sourceOffset())));
    first.stop();

    List<SourceRecord> after = startTask(Map.of()).poll();
    Map<Map<String, ?>, Long> expectedNext = new HashMap<>();
    stored.forEach((partition, offset) -> expectedNext.put(partition, (Long) offset.get("seq") + 1));
    for (SourceRecord r : after) {
      Long expected = expectedNext.get(r.sourcePartition());
      assertThat(expected).as("train %s was emitted before", r.sourcePartition()).isNotNull();
      assertThat((Long) r.sourceOffset().get("seq")).isEqualTo(expected);
      expectedNext.put(r.sourcePartition(), expected + 1);
    }
  }

  @Test
  void inRealTimeThereIsNothingUntilTheNextTickIsDue() throws Exception {
    AtsSourceTask task = startTask(Map.of("sim.speedup", "1", "sim.start", "", "batch.size", "5000"));
    int trains = io.github.variantconnect.ats.sim.MetroNetwork.defaultNetwork().line("L1").orElseThrow().trainIds().size();

    assertThat(task.poll()).hasSize(trains);
    assertThat(task.poll()).isNull();
    task.stop();
  }
}
