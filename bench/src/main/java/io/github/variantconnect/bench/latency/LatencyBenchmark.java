package io.github.variantconnect.bench.latency;

import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.infra.ConnectorConfigs;
import io.github.variantconnect.bench.infra.Topics;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.Awaits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end latency of the whole pipeline at a steady rate: the demo API publishes live events
 * (event_time = when they appear), the HTTP source polls them into Kafka, the sink lands them in
 * DuckDB, and a reader in this JVM — another OS process than the worker — sees them there. The
 * worker runs in its own JVM with a 256 MB heap and a GC log. Events of the first seconds, while
 * connectors start and catch up, are not counted.
 */
public final class LatencyBenchmark {

  private static final String TABLE = "CLICKSTREAM_RAW";
  private static final int PARTITIONS = 4;
  private static final long READER_POLL_MILLIS = 100;
  private static final Duration WARMUP = Duration.ofSeconds(15);
  private static final String HEAP = "256m";
  private static final String COMMAND = "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=latency";

  private final Topics topics;
  private final BenchOptions options;
  private final Path dataDir;

  public LatencyBenchmark(Topics topics, BenchOptions options, Path dataDir) {
    this.topics = topics;
    this.options = options;
    this.dataDir = dataDir;
  }

  public List<Result> run() {
    List<Result> results = new ArrayList<>();
    for (LatencyScenario scenario : List.of(LatencyScenario.shipped(), LatencyScenario.checkpointEveryFlush(),
        LatencyScenario.sourcePollEverySecond())) {
      results.addAll(run(scenario));
    }
    return results;
  }

  private List<Result> run(LatencyScenario scenario) {
    int rate = options.latencyEventsPerSecond();
    long events = (long) rate * options.latencySeconds();
    String topic = "latency-" + scenario.name();
    String sink = "sink-" + topic;
    topics.create(topic, PARTITIONS);
    Path file = deleteLeftovers(dataDir.resolve(topic + ".duckdb"));
    try (WorkerProcess worker = WorkerProcess.start(topics.bootstrapServers(), "bench-" + topic, HEAP, dataDir);
        // An explicit start: by default the API rounds its event-time origin down to the second, and
        // events would then carry times up to 1 s older than the moment they are published.
        DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder().start(Instant.now())
            .seed(42).eventsPerSecond(rate).initialEvents(0).maxEvents(events).window((int) events).build())) {
      long measureFrom = System.currentTimeMillis() + WARMUP.toMillis();
      KafkaArrivals arrivals =
          new KafkaArrivals(topics.bootstrapServers(), topic, PARTITIONS, events / PARTITIONS * 2, measureFrom);
      VisibilityWatcher watcher = new VisibilityWatcher(file, sink, topic, READER_POLL_MILLIS);
      List<Thread> threads = List.of(new Thread(arrivals, "kafka-arrivals"), new Thread(watcher, "duckdb-reader"));
      threads.forEach(Thread::start);
      try {
        worker.rest().putConfig(sink, sinkConfig(scenario, sink, topic, file));
        worker.rest().putConfig("http-" + topic, sourceConfig(scenario, topic, api.baseUrl() + "/v1/events"));
        Awaits.until(Duration.ofSeconds(options.latencySeconds() + 180L), events + " rows visible in " + file,
            () -> watcher.visibleRows() >= events);
      } finally {
        watcher.stop();
        arrivals.stop();
        threads.forEach(LatencyBenchmark::join);
      }
      Percentiles inKafka = arrivals.arrivals().percentiles();
      Percentiles visible = visibleLatencies(watcher, arrivals, measureFrom).percentiles();
      GcLog gc = GcLog.read(worker.gcLog());
      FlushLog flushes = FlushLog.read(worker.log());
      System.out.println("latency " + scenario.name() + " sink batches: " + flushes);
      System.out.printf("latency %s: in Kafka p50 %d ms p99 %d ms | visible in DuckDB p50 %d ms p99 %d ms max %d ms"
              + " (%d events); reader lock waits %d; heap after GC max %d MB, before GC max %d MB (%d collections)%n",
          scenario.name(), inKafka.at(50), inKafka.at(99), visible.at(50), visible.at(99), visible.max(),
          visible.count(), watcher.lockConflicts(), gc.maxAfterMb(), gc.maxBeforeMb(), gc.collections());
      return results(scenario, rate, inKafka, visible, gc, flushes);
    } finally {
      topics.delete(topic);
    }
  }

  /** Each row's latency: the start of the read that first saw it, minus its event time. */
  private static LatencySamples visibleLatencies(VisibilityWatcher watcher, KafkaArrivals arrivals, long measureFrom) {
    LatencySamples samples = new LatencySamples();
    for (VisibilityWatcher.Sighting seen : watcher.sightings()) {
      for (long offset = seen.from() + 1; offset <= seen.to(); offset++) {
        long eventTime = arrivals.eventTime(seen.partition(), offset);
        if (eventTime >= measureFrom) {
          samples.add(seen.seenAt() - eventTime);
        }
      }
    }
    return samples;
  }

  private List<Result> results(LatencyScenario scenario, int rate, Percentiles inKafka, Percentiles visible, GcLog gc,
      FlushLog flushes) {
    String setting = String.format("%,d events/s, %s; demo API → HTTP source → Kafka → sink → DuckDB, offsets"
        + " table read every %d ms from another process", rate, scenario.description(), READER_POLL_MILLIS);
    String prefix = "Latency event time → visible in DuckDB (" + scenario.name() + ")";
    return List.of(
        Result.figure(prefix + ", p50", "—", visible.at(50), "ms", null, COMMAND, setting),
        Result.figure(prefix + ", p99", "p99 < 1 s", visible.at(99), "ms", visible.at(99) < 1_000, COMMAND,
            setting + "; max " + visible.max() + " ms over " + visible.count() + " events after a "
                + WARMUP.toSeconds() + " s warm-up; of which event → readable in Kafka: p50 " + inKafka.at(50)
                + " ms, p99 " + inKafka.at(99) + " ms; sink: " + flushes),
        Result.figure("Worker heap at that load (" + scenario.name() + ")", "≤ 256 MB", gc.maxAfterMb(),
            "MB after GC", gc.maxAfterMb() <= 256, COMMAND,
            "worker JVM -Xmx" + HEAP + " (G1) running the HTTP source and the sink kept up to the end; largest heap"
                + " after a collection " + gc.maxAfterMb() + " MB, largest before " + gc.maxBeforeMb() + " MB, "
                + gc.collections() + " collections"));
  }

  private static Map<String, String> sourceConfig(LatencyScenario scenario, String topic, String url) {
    Map<String, String> overrides = new HashMap<>(scenario.source());
    overrides.putAll(Map.of("name", "http-" + topic, "topic", topic, "http.url", url));
    return ConnectorConfigs.shipped("clickstream-http-source.json", overrides);
  }

  private static Map<String, String> sinkConfig(LatencyScenario scenario, String name, String topic, Path file) {
    Map<String, String> overrides = new HashMap<>(scenario.sink());
    overrides.putAll(Map.of("name", name, "topics", topic, "duckdb.path", file.toString(),
        "topic2table.map", topic + ":" + TABLE));
    return ConnectorConfigs.shipped("variant-sink-duckdb.json", overrides);
  }

  private static Path deleteLeftovers(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Path.of(file + ".wal"));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
