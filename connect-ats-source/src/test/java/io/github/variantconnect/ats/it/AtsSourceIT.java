package io.github.variantconnect.ats.it;

import static io.github.variantconnect.ats.it.AtsConnectorConfigs.CONNECTOR_CLASS;
import static io.github.variantconnect.ats.it.AtsConnectorConfigs.bounded;
import static io.github.variantconnect.ats.it.AtsConnectorConfigs.shippedBounded;
import static io.github.variantconnect.ats.it.AtsConnectorConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.ConnectRestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ATS source on a real worker that loads it from plugin.path, with exactly-once enabled. */
class AtsSourceIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).build();

  private static final ObjectMapper JSON = ConnectRestClient.json();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void pluginLoadsFromPluginPathNotFromTheTestClasspath() {
    JsonNode plugins = CONNECT.rest().connectorPlugins();
    JsonNode ats = null;
    for (JsonNode plugin : plugins) {
      if (CONNECTOR_CLASS.equals(plugin.path("class").asText())) {
        ats = plugin;
      }
    }
    assertThat(ats).as("AtsSourceConnector among %s", plugins).isNotNull();
    assertThat(ats.path("type").asText()).isEqualTo("source");
    assertThat(ats.path("version").asText()).isEqualTo(System.getProperty("variantconnect.project.version"));
    assertThatThrownBy(() -> Class.forName(CONNECTOR_CLASS)).isInstanceOf(ClassNotFoundException.class);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of("tasks.max", "200", "115 trains"),
        Arguments.of("tick.interval", "0s", "at least"),
        Arguments.of("tick.interval", "soon", "not a duration"),
        Arguments.of("alert.passengers.threshold", "-1", "at least 0"),
        Arguments.of("alert.power.kw.threshold", "-5", "at least 0"),
        Arguments.of("lines", "L1,NOPE", "unknown line 'NOPE'"),
        Arguments.of("sim.speedup", "0", "at least"),
        Arguments.of("sim.start", "yesterday", "ISO-8601"),
        Arguments.of("batch.size", "0", "at least 1"),
        Arguments.of("value.format", "xml", "must be one of auto, struct, json"),
        Arguments.of("record.timestamp", "now", "must be one of event_time, wall_clock"),
        Arguments.of("network.file", "/does/not/exist.json", "exist.json"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("invalidConfigs")
  void validationNamesTheKeyAtFault(String key, String value, String hint) {
    Map<String, List<String>> errors =
        CONNECT.rest().validationErrors(CONNECTOR_CLASS, with(bounded("t", 1, 1), key, value));

    assertThat(errors).containsOnlyKeys(key);
    assertThat(String.join(" ", errors.get(key))).contains(hint);
  }

  @Test
  void validationReportsTheLineAndFieldOfABadNetworkFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("network.json");
    Files.writeString(file, "{\n  \"lines\": [\n    {\"id\": \"X\", \"name\": \"X\", \"speedLimitKmh\": \"fast\"}\n  ]\n}\n");

    Map<String, List<String>> errors = CONNECT.rest().validationErrors(
        CONNECTOR_CLASS, with(bounded("t", 1, 1), "network.file", file.toString()));

    assertThat(errors).containsOnlyKeys("network.file");
    assertThat(String.join(" ", errors.get("network.file"))).contains("line 3").contains("speedLimitKmh");
  }

  @Test
  void validConfigPassesValidation() {
    assertThat(CONNECT.rest().validationErrors(CONNECTOR_CLASS, bounded("t", 4, 10))).isEmpty();
  }

  @Test
  void emitsContractEventsAndTheSameSeedGivesTheSameEvents() {
    long ticks = 100;
    CONNECT.rest().putConfig("ats-det-a", bounded("ats-det-a", 2, ticks));
    CONNECT.rest().putConfig("ats-det-b", bounded("ats-det-b", 3, ticks));
    List<ConsumerRecord<String, String>> a = awaitFinished("ats-det-a", ticks);
    List<ConsumerRecord<String, String>> b = awaitFinished("ats-det-b", ticks);

    assertThat(a.size()).isGreaterThanOrEqualTo(10_000);
    List<String> violations = new ArrayList<>();
    int withAlerts = 0;
    for (ConsumerRecord<String, String> record : a) {
      JsonNode event = parse(record.value());
      TelemetryContract.violations(record, event).forEach(v -> violations.add(event.path("event_id") + ": " + v));
      withAlerts += event.path("alerts").isEmpty() ? 0 : 1;
    }
    assertThat(violations).isEmpty();
    // A morning-peak hour: alerts are frequent but remain a minority (the day-long share is checked
    // by the simulation's property tests).
    assertThat(withAlerts).isPositive().isLessThan(a.size() / 2);
    assertContiguousPerTrain(a, ticks);
    // Different task counts split the trains differently; the events must not change.
    assertThat(byEventId(b)).isEqualTo(byEventId(a));
    CONNECT.rest().delete("ats-det-a");
    CONNECT.rest().delete("ats-det-b");
  }

  @Test
  void shippedConfigPutsTheSameBytesOnTheTopicAsStructsThroughTheJsonConverter() {
    long ticks = 20;
    // The config users of earlier releases registered: Structs through the JsonConverter.
    Map<String, String> structs = shippedBounded("ats-struct", 2, ticks);
    structs.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    structs.put("value.converter.schemas.enable", "false");
    structs.keySet().removeIf(key -> key.startsWith("producer.override."));
    CONNECT.rest().putConfig("ats-struct", structs);
    Map<String, String> shipped = shippedBounded("ats-shipped", 2, ticks);
    assertThat(shipped).containsEntry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
        .doesNotContainKey("value.format");
    CONNECT.rest().putConfig("ats-shipped", shipped);

    Map<String, String> before = byEventId(awaitFinished("ats-struct", ticks));
    assertThat(before).hasSize(115 * (int) ticks);
    assertThat(byEventId(awaitFinished("ats-shipped", ticks))).isEqualTo(before);
    CONNECT.rest().delete("ats-struct");
    CONNECT.rest().delete("ats-shipped");
  }

  @Test
  void alertsTopicCarriesExactlyTheEventsWithAlerts() {
    long ticks = 60;
    CONNECT.rest().putConfig("ats-alerts", with(bounded("ats-alerts-all", 1, ticks), "alerts.topic", "ats-alerts-only"));
    List<ConsumerRecord<String, String>> all = awaitFinished("ats-alerts-all", ticks);
    List<ConsumerRecord<String, String>> alerts = CONNECT.topicReader().readToEnd("ats-alerts-only");

    Map<String, String> expected = new TreeMap<>(byEventId(all));
    expected.values().removeIf(value -> parse(value).path("alerts").isEmpty());
    assertThat(expected).isNotEmpty();
    assertThat(byEventId(alerts)).isEqualTo(expected);
    CONNECT.rest().delete("ats-alerts");
  }

  @Test
  void resumesWithoutGapOrDuplicateAcrossRestartAndRebalance() {
    long ticks = 240;
    // 30 s ticks at 600x: 20 ticks per second, so the run spans several seconds of wall time.
    Map<String, String> config = with(bounded("ats-resume", 2, ticks), "sim.speedup", "600");
    config.put("sim.start", "");
    CONNECT.rest().putConfig("ats-resume", config);
    CONNECT.awaitRunning("ats-resume", 2, TIMEOUT);
    int trains = 115;
    CONNECT.topicReader().awaitRecords("ats-resume", trains * 40, TIMEOUT);

    CONNECT.rest().restart("ats-resume", true, false);
    CONNECT.awaitRunning("ats-resume", 2, TIMEOUT);
    CONNECT.topicReader().awaitRecords("ats-resume", trains * 100, TIMEOUT);

    CONNECT.rest().putConfig("ats-resume", with(config, "tasks.max", "3"));
    CONNECT.awaitRunning("ats-resume", 3, TIMEOUT);
    List<ConsumerRecord<String, String>> records = awaitFinished("ats-resume", ticks);

    assertContiguousPerTrain(records, ticks);
    assertThat(records).hasSize(trains * (int) ticks);
    CONNECT.rest().delete("ats-resume");
  }

  @Test
  void offsetsCanBeReadAndAlteredThroughTheRestApi() {
    long ticks = 50;
    CONNECT.rest().putConfig("ats-offsets", bounded("ats-offsets", 1, ticks));
    List<ConsumerRecord<String, String>> first = awaitFinished("ats-offsets", ticks);
    Map<String, String> original = byEventId(first);

    JsonNode offsets = Awaits.value(TIMEOUT, "offsets of all trains at seq " + (ticks - 1),
        () -> CONNECT.rest().offsets("ats-offsets"),
        body -> countAtSeq(body, ticks - 1) == trainsIn(first));
    String train = offsets.path("offsets").get(0).path("partition").path("train_id").asText();

    CONNECT.rest().stopConnector("ats-offsets");
    Awaits.until(TIMEOUT, "connector STOPPED",
        () -> "STOPPED".equals(CONNECT.rest().status("ats-offsets").body().path("connector").path("state").asText()));
    JsonNode rewind = JSON.valueToTree(Map.of("offsets", List.of(Map.of(
        "partition", Map.of("train_id", train),
        "offset", Map.of("seq", 39, "sim_start_ms", startMs(offsets, train), "anchor_ms", anchorMs(offsets, train))))));
    assertThat(CONNECT.rest().alterOffsets("ats-offsets", rewind).isSuccess()).isTrue();
    JsonNode bad = JSON.valueToTree(Map.of("offsets", List.of(Map.of(
        "partition", Map.of("train", train), "offset", Map.of("seq", 1)))));
    ConnectRestClient.Response refused = CONNECT.rest().alterOffsets("ats-offsets", bad);
    assertThat(refused.isSuccess()).isFalse();

    CONNECT.rest().resume("ats-offsets");
    List<ConsumerRecord<String, String>> after = CONNECT.topicReader().awaitRecords("ats-offsets", first.size() + 10, TIMEOUT);
    List<ConsumerRecord<String, String>> replayed = after.subList(first.size(), after.size());
    assertThat(replayed).hasSize(10).allSatisfy(r -> assertThat(r.key()).isEqualTo(train));
    for (ConsumerRecord<String, String> r : replayed) {
      String id = parse(r.value()).path("event_id").asText();
      assertThat(r.value()).isEqualTo(original.get(id));
    }
    CONNECT.rest().delete("ats-offsets");
  }

  private static long countAtSeq(JsonNode body, long seq) {
    long count = 0;
    for (JsonNode entry : body.path("offsets")) {
      count += entry.path("offset").path("seq").asLong() == seq ? 1 : 0;
    }
    return count;
  }

  private static long startMs(JsonNode body, String train) {
    return offsetOf(body, train).path("sim_start_ms").asLong();
  }

  private static long anchorMs(JsonNode body, String train) {
    return offsetOf(body, train).path("anchor_ms").asLong();
  }

  private static JsonNode offsetOf(JsonNode body, String train) {
    for (JsonNode entry : body.path("offsets")) {
      if (train.equals(entry.path("partition").path("train_id").asText())) {
        return entry.path("offset");
      }
    }
    throw new AssertionError("no offset for " + train);
  }

  /** Waits for a bounded run to write every train's last tick, and returns the whole topic. */
  static List<ConsumerRecord<String, String>> awaitFinished(String topic, long ticks) {
    return awaitFinishedWith(CONNECT, topic, ticks, TIMEOUT);
  }

  static List<ConsumerRecord<String, String>> awaitFinishedWith(
      ConnectCluster connect, String topic, long ticks, Duration timeout) {
    return Awaits.value(
        timeout,
        topic + " complete at " + ticks + " ticks per train",
        () -> connect.topicReader().readToEnd(topic),
        records -> !records.isEmpty() && lastSeqPerTrain(records).values().stream().allMatch(s -> s == ticks - 1)
            && records.size() >= trainsIn(records) * ticks);
  }

  static long trainsIn(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::key).distinct().count();
  }

  private static Map<String, Long> lastSeqPerTrain(List<ConsumerRecord<String, String>> records) {
    Map<String, Long> last = new HashMap<>();
    for (ConsumerRecord<String, String> r : records) {
      last.merge(r.key(), parse(r.value()).path("seq").asLong(), Math::max);
    }
    return last;
  }

  /** Each train's events are seq 0..ticks-1, once each, in order. */
  static void assertContiguousPerTrain(List<ConsumerRecord<String, String>> records, long ticks) {
    Map<String, List<Long>> seqs = new TreeMap<>();
    for (ConsumerRecord<String, String> r : records) {
      seqs.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(parse(r.value()).path("seq").asLong());
    }
    assertThat(seqs).hasSizeGreaterThanOrEqualTo(100);
    List<Long> expected = Stream.iterate(0L, s -> s + 1).limit(ticks).toList();
    seqs.forEach((train, list) -> assertThat(list).as("seq of %s", train).isEqualTo(expected));
  }

  static Map<String, String> byEventId(List<ConsumerRecord<String, String>> records) {
    Map<String, String> map = new TreeMap<>();
    for (ConsumerRecord<String, String> r : records) {
      String previous = map.put(parse(r.value()).path("event_id").asText(), r.value());
      assertThat(previous).as("duplicate event").isNull();
    }
    return map;
  }

  static JsonNode parse(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
