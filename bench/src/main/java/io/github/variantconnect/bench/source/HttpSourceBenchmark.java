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
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP source records/s reading the demo API's whole backlog in pages of 1,000, against a raw
 * HttpClient + KafkaProducer loop reading the same backlog. The peer the goal names (castorm
 * kafka-connect-http) is not published on Maven Central, so it cannot be loaded here.
 */
public final class HttpSourceBenchmark {

  private static final int PAGE_SIZE = 1_000;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String COMMAND = "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=http";
  private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
  /**
   * The shipped config (each item a Map, written by the JsonConverter), and the items passed on as
   * their JSON text, which the StringConverter writes as is: with the default compressed pages
   * (Accept-Encoding: gzip, deflate) and without. All fetch pages ahead (pagination.pages.ahead=2).
   */
  private static final List<Setup> SETUPS = List.of(
      new Setup("shipped config (schemaless + JsonConverter, gzip)", Map.of()),
      new Setup("record.value.format=raw + StringConverter, gzip",
          Map.of("record.value.format", "raw", "value.converter", STRING_CONVERTER)),
      new Setup("record.value.format=raw + StringConverter, no compression",
          Map.of("record.value.format", "raw", "value.converter", STRING_CONVERTER, "http.accept.encoding", "")));

  private record Setup(String label, Map<String, String> overrides) {}

  private final ConnectCluster cluster;
  private final Topics topics;
  private final BenchOptions options;

  public HttpSourceBenchmark(ConnectCluster cluster, Topics topics, BenchOptions options) {
    this.cluster = cluster;
    this.topics = topics;
    this.options = options;
  }

  public List<Result> run() {
    long events = options.httpEvents();
    // A finished feed: the whole backlog exists at start and nothing is added while it is read. Its
    // event times (the records' timestamps) end now, well inside the broker's 7-day retention.
    DemoApiConfig config = DemoApiConfig.builder()
        .seed(42).eventsPerSecond(1).initialEvents(events).maxEvents(events).window((int) events)
        .build();
    Map<Setup, Rounds> bySetup = new LinkedHashMap<>();
    try (DemoClickstreamApi api = DemoClickstreamApi.start(config)) {
      String url = api.baseUrl() + "/v1/events";
      // Untimed first runs of both, so the JIT has compiled the hot paths before anything is timed.
      System.out.printf("http warm-up: connector %s | raw loop %s%n", runConnector("http-warm-up", "http-warm-up", url,
          events, Map.of()), runBaseline("http-raw-warm-up", url, events));
      for (int round = 1; round <= options.rounds(); round++) {
        for (int i = 0; i < SETUPS.size(); i++) {
          Setup setup = SETUPS.get(i);
          String id = "r" + round + "-s" + i;
          // The baseline right before each connector run: both meet the same machine load.
          Throughput raw = runBaseline("http-raw-" + id, url, events);
          Throughput connector = runConnector("http-bench-" + id, "http-" + id, url, events, setup.overrides());
          bySetup.computeIfAbsent(setup, k -> new Rounds()).add(connector.perSecond(), raw.perSecond());
          System.out.printf("http round %d %s: connector %s | raw loop %s%n", round, setup.label(), connector, raw);
        }
      }
    }
    List<Result> results = new ArrayList<>();
    bySetup.forEach((setup, rounds) -> results.add(Result.paired("HTTP source, demo API, pages of 1,000, " + setup.label(),
        "≥ 1.5× the sequential raw loop", rounds, "records/s", "sequential raw HttpClient + KafkaProducer loop (no compression)",
        null, COMMAND, "castorm is not on Maven Central: compared with a sequential raw loop instead; per-round ratios "
            + rounds.ratios() + "; " + events + " events")));
    return results;
  }

  private Throughput runConnector(String name, String topic, String url, long events, Map<String, String> setup) {
    topics.create(topic, 1);
    Map<String, String> overrides = new LinkedHashMap<>(setup);
    overrides.putAll(Map.of(
        "name", name,
        "topic", topic,
        "http.url", url,
        "pagination.limit", Integer.toString(PAGE_SIZE)));
    Map<String, String> config = ConnectorConfigs.shipped("clickstream-http-source.json", overrides);
    try (TopicRecordCount count = new TopicRecordCount(topics.bootstrapServers(), topic)) {
      return ConnectorRun.time(cluster, name, config, count, events, TIMEOUT);
    } finally {
      topics.delete(topic);
    }
  }

  private Throughput runBaseline(String topic, String url, long events) {
    topics.create(topic, 1);
    try (TopicRecordCount count = new TopicRecordCount(topics.bootstrapServers(), topic)) {
      return Baseline.time(topic, () -> RawHttpPollLoop.copy(url, PAGE_SIZE, events, topics.bootstrapServers(), topic),
          count, events, TIMEOUT);
    } finally {
      topics.delete(topic);
    }
  }
}
