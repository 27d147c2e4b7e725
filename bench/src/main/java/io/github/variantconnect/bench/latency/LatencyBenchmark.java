package io.github.variantconnect.bench.latency;

import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.infra.ConnectorConfigs;
import io.github.variantconnect.bench.infra.Topics;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.Awaits;
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
 * worker runs in its own JVM with a 256 MB heap and a GC log.
 */
public final class LatencyBenchmark {

  private static final String TABLE = "CLICKSTREAM_RAW";
  private static final int PARTITIONS = 4;
  private static final long READER_POLL_MILLIS = 50;
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
    for (LatencyScenario scenario : List.of(LatencyScenario.shipped(), LatencyScenario.tuned())) {
      results.addAll(run(scenario));
    }
    return results;
  }

  private List<Result> run(LatencyScenario scenario) {
    int rate = options.latencyEventsPerSecond();
    long events = (long) rate * options.latencySeconds();
    String topic = "latency-" + scenario.name();
    topics.create(topic, PARTITIONS);
    Path file = dataDir.resolve("latency-" + scenario.name() + ".duckdb");
    deleteLeftovers(file);
    try (WorkerProcess worker = WorkerProcess.start(topics.bootstrapServers(), "bench-" + topic, HEAP, dataDir);
        DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder()
            .seed(42).eventsPerSecond(rate).initialEvents(0).maxEvents(events).window((int) events).build())) {
      VisibilityWatcher watcher =
          new VisibilityWatcher(file, TABLE, READER_POLL_MILLIS, Instant.now().plus(WARMUP));
      Thread reader = new Thread(watcher, "duckdb-reader");
      reader.start();
      try {
        worker.rest().putConfig("sink-" + topic, sinkConfig(scenario, topic, file));
        worker.rest().putConfig("http-" + topic, sourceConfig(scenario, topic, api.baseUrl() + "/v1/events"));
        Awaits.until(Duration.ofSeconds(options.latencySeconds() + 120L), events + " rows visible in " + file,
            () -> watcher.visibleRows() >= events);
      } finally {
        watcher.stop();
        join(reader);
      }
      Percentiles latency = new Percentiles(watcher.latencies());
      GcLog gc = GcLog.read(worker.gcLog());
      System.out.printf("latency %s: %d samples, p50 %d ms, p99 %d ms, max %d ms; reader lock waits %d;"
              + " heap after GC max %d MB, before GC max %d MB (%d collections)%n", scenario.name(), latency.count(),
          latency.at(50), latency.at(99), latency.max(), watcher.lockConflicts(), gc.maxAfterMb(), gc.maxBeforeMb(),
          gc.collections());
      return results(scenario, rate, latency, gc);
    } finally {
      topics.delete(topic);
    }
  }

  private List<Result> results(LatencyScenario scenario, int rate, Percentiles latency, GcLog gc) {
    String setting = String.format("%,d events/s, %s; demo API → HTTP source → Kafka → sink → DuckDB, read"
        + " every %d ms from another process", rate, scenario.description(), READER_POLL_MILLIS);
    String prefix = "Latency event time → visible in DuckDB (" + scenario.name() + ")";
    return List.of(
        Result.figure(prefix + ", p50", "—", latency.at(50), "ms", null, COMMAND, setting),
        Result.figure(prefix + ", p99", "p99 < 1 s", latency.at(99), "ms", latency.at(99) < 1_000, COMMAND,
            setting + "; max " + latency.max() + " ms over " + latency.count() + " events after a "
                + WARMUP.toSeconds() + " s warm-up"),
        Result.figure("Worker heap at that load (" + scenario.name() + ")", "≤ 256 MB", gc.maxAfterMb(), "MB after GC",
            gc.maxAfterMb() <= 256, COMMAND,
            "worker JVM -Xmx" + HEAP + " G1 runs HTTP source + sink; most held before a GC " + gc.maxBeforeMb()
                + " MB, " + gc.collections() + " collections"));
  }

  private static Map<String, String> sourceConfig(LatencyScenario scenario, String topic, String url) {
    Map<String, String> overrides = new HashMap<>(scenario.source());
    overrides.putAll(Map.of("name", "http-" + topic, "topic", topic, "http.url", url));
    return ConnectorConfigs.shipped("clickstream-http-source.json", overrides);
  }

  private static Map<String, String> sinkConfig(LatencyScenario scenario, String topic, Path file) {
    Map<String, String> overrides = new HashMap<>(scenario.sink());
    overrides.putAll(Map.of("name", "sink-" + topic, "topics", topic, "duckdb.path", file.toString(),
        "topic2table.map", topic + ":" + TABLE));
    return ConnectorConfigs.shipped("variant-sink-duckdb.json", overrides);
  }

  private static void deleteLeftovers(Path file) {
    try {
      java.nio.file.Files.deleteIfExists(file);
      java.nio.file.Files.deleteIfExists(Path.of(file + ".wal"));
    } catch (java.io.IOException e) {
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
