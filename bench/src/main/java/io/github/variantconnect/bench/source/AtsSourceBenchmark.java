package io.github.variantconnect.bench.source;

import io.github.variantconnect.bench.infra.Baseline;
import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.infra.ConnectorConfigs;
import io.github.variantconnect.bench.infra.ConnectorRun;
import io.github.variantconnect.bench.infra.Throughput;
import io.github.variantconnect.bench.infra.TopicRecordCount;
import io.github.variantconnect.bench.infra.Topics;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.bench.report.Rounds;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * ATS source records/s at tasks.max = 1, 2 and 4 against a raw KafkaProducer loop sending the very
 * key and value bytes the connector produced (read back from the connector's own topic, sent over
 * and over), to topics of the same partition count on the same broker. Both run until stopped and
 * are timed over the same span ({@code -Dbench.round.seconds}). Each task count runs twice: with the
 * shipped config (the task writes the JSON, the producer at client defaults) and with the config of
 * earlier releases (Structs through the JsonConverter), which put the same bytes on the topic.
 * Every connector run is paired with a baseline run just before it, so a ratio compares runs made
 * under the same machine load.
 */
public final class AtsSourceBenchmark {

  /** Trains of the built-in network: one event per train per tick. */
  public static final int TRAINS = 115;
  public static final int PARTITIONS = 4;
  private static final int[] TASKS = {1, 2, 4};

  /** How the connector's values reach the topic; both write the same bytes. */
  private enum Format {
    /** config/ats-source.json as is: value.format=auto with the ByteArrayConverter, producer at client defaults. */
    SHIPPED("shipped config: ByteArrayConverter, task writes the JSON", Map.of(), false),
    /** The config of earlier releases, which existing users still run: Structs through the JsonConverter. */
    JSON_CONVERTER("value.converter=JsonConverter, Structs, Connect's producer settings",
        Map.of("value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable", "false"), true);

    final String label;
    final Map<String, String> overrides;
    final boolean connectProducerSettings;

    Format(String label, Map<String, String> overrides, boolean connectProducerSettings) {
      this.label = label;
      this.overrides = overrides;
      this.connectProducerSettings = connectProducerSettings;
    }
  }

  private record Setup(int tasks, Format format) {}
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  /** Ticks of the sample the raw loop sends over and over: enough distinct records, little heap. */
  private static final long BASELINE_SAMPLE_TICKS = 2_000;
  private static final String COMMAND = "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=ats";

  private final ConnectCluster cluster;
  private final Topics topics;
  private final BenchOptions options;
  /**
   * Simulated time starts now: the records' timestamps are their event times (capped at the wall
   * clock), and records timestamped more than log.retention.ms (7 days) ago are deleted by the
   * broker's next retention check, a few minutes into the run.
   */
  private final String simStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

  public AtsSourceBenchmark(ConnectCluster cluster, Topics topics, BenchOptions options) {
    this.cluster = cluster;
    this.topics = topics;
    this.options = options;
  }

  public long records() {
    return TRAINS * options.atsTicks();
  }

  /**
   * Runs the connector once, untimed, into a topic that is kept: it warms up the JIT for the timed
   * runs, gives the baseline the very bytes to send, and the sink benchmark real telemetry.
   */
  public String produceTelemetryTopic(String topic) {
    topics.create(topic, PARTITIONS);
    System.out.printf("ats warm-up into %s: %s%n", topic, runConnector("ats-warm-up", topic, 2, Format.SHIPPED));
    return topic;
  }

  /**
   * Timed rounds, each connector run unbounded and timed over the round's span; {@code
   * telemetryTopic} holds the output of {@link #produceTelemetryTopic}.
   */
  public List<Result> run(String telemetryTopic) {
    Map<Setup, Rounds> bySetup = new LinkedHashMap<>();
    List<ConsumerRecord<byte[], byte[]>> sameBytes = topics.read(telemetryTopic, TRAINS * BASELINE_SAMPLE_TICKS);
    System.out.printf("ats warm-up raw producer: %s%n", runBaseline("ats-raw-warm-up", sameBytes));
    String warmUp = "ats-warm-up-window";
    topics.create(warmUp, PARTITIONS);
    System.out.printf("ats warm-up, JsonConverter: %s%n", runConnectorWindow(warmUp, warmUp, 2, Format.JSON_CONVERTER));
    topics.delete(warmUp);
    for (int round = 1; round <= options.rounds(); round++) {
      for (int tasks : TASKS) {
        for (Format format : Format.values()) {
          // The baseline right before each connector run: both meet the same machine load.
          String run = "r" + round + "-t" + tasks + "-" + format.name().toLowerCase(Locale.ROOT);
          Throughput raw = runBaseline("ats-raw-" + run, sameBytes);
          String topic = "ats-" + run;
          topics.create(topic, PARTITIONS);
          Throughput connector = runConnectorWindow("ats-bench-" + run, topic, tasks, format);
          topics.delete(topic);
          bySetup.computeIfAbsent(new Setup(tasks, format), s -> new Rounds())
              .add(connector.perSecond(), raw.perSecond(), Throughput.shorter(connector, raw));
          System.out.printf("ats round %d tasks.max=%d %s: connector %s | raw producer %s%n",
              round, tasks, format.label, connector, raw);
        }
      }
    }
    List<Result> results = new ArrayList<>();
    bySetup.forEach((setup, rounds) -> {
      boolean hasGoal = setup.tasks() <= 2 && setup.format() == Format.SHIPPED;
      results.add(Result.paired("ATS source, tasks.max=" + setup.tasks() + " (" + setup.format().label + ")",
          hasGoal ? "≥ 0.8× raw producer" : "(no goal)", rounds, "records/s",
          "raw KafkaProducer loop, same bytes", hasGoal ? rounds.medianRatio() >= 0.8 : null, COMMAND,
          rounds.describe() + "; " + options.roundsText() + ", each connector run paired with a raw run just"
              + " before it"));
    });
    return results;
  }

  /** A bounded run of {@code records()} records, for the topic the sink benchmark reads. */
  private Throughput runConnector(String name, String topic, int tasks, Format format) {
    try (TopicRecordCount count = new TopicRecordCount(topics.bootstrapServers(), topic)) {
      return ConnectorRun.time(cluster, name, config(name, topic, tasks, format, options.atsTicks()), count,
          records(), TIMEOUT);
    }
  }

  /** An unbounded run timed over the round's span. */
  private Throughput runConnectorWindow(String name, String topic, int tasks, Format format) {
    try (TopicRecordCount count = new TopicRecordCount(topics.bootstrapServers(), topic)) {
      return ConnectorRun.window(cluster, name, config(name, topic, tasks, format, 0), count, options.round(),
          TIMEOUT);
    }
  }

  private Map<String, String> config(String name, String topic, int tasks, Format format, long maxTicks) {
    Map<String, String> overrides = new LinkedHashMap<>(Map.of(
        "name", name,
        "topic", topic,
        "alerts.topic", "",
        "tasks.max", Integer.toString(tasks),
        "sim.speedup", "1e9",
        "sim.max.ticks", Long.toString(maxTicks),
        "sim.start", simStart,
        "batch.size", "10000"));
    overrides.putAll(format.overrides);
    Map<String, String> config = ConnectorConfigs.shipped("ats-source.json", overrides);
    if (format.connectProducerSettings) {
      config.keySet().removeIf(key -> key.startsWith("producer.override."));
    }
    return config;
  }

  private Throughput runBaseline(String topic, List<ConsumerRecord<byte[], byte[]>> records) {
    topics.create(topic, PARTITIONS);
    try (TopicRecordCount count = new TopicRecordCount(topics.bootstrapServers(), topic)) {
      return Baseline.window(topic, stop -> RawProducerLoop.sendUntil(topics.bootstrapServers(), topic, records, stop),
          count, options.round(), TIMEOUT);
    } finally {
      topics.delete(topic);
    }
  }
}
