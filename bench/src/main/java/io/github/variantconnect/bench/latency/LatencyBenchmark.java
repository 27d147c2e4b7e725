package io.github.variantconnect.bench.latency;

import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.infra.ConnectorConfigs;
import io.github.variantconnect.bench.infra.Topics;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.quickstart.QuickstartOptions;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.sql.SqlScripts;
import io.github.variantconnect.testkit.Awaits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * End-to-end latency of the quickstart's pipeline at a steady rate. As in the quickstart, one worker
 * runs the ATS source, the HTTP source polling the demo API, and one sink writing both topics into
 * one DuckDB file, to which the sql/duckdb scripts were applied first; beside it, in this JVM —
 * another OS process than the worker — run the quickstart's mirror refresher and dashboard rounds,
 * and a reader that sees each event's row arrive in the raw tables and in the mirror behind the
 * views. The worker has a 256 MB heap and a GC log. Events of the first seconds, while connectors
 * start and catch up, are not counted.
 */
public final class LatencyBenchmark {

  private static final List<String> RAW_TABLES = List.of("ATS_RAW_JSON", "CLICKSTREAM_RAW");
  /** The tables behind the views ATS_TRANSFORMED and CLICKSTREAM_EVENTS (views have no rowid to read past). */
  private static final List<String> MIRROR_TABLES = List.of("MIRROR_ATS_TRANSFORMED", "MIRROR_CLICKSTREAM_EVENTS");
  /** The built-in network's trains, each reporting once per tick. */
  private static final int TRAINS = 115;
  /** The ATS source's share of the rate: about a tenth, close to real time for a metro. */
  private static final int ATS_EVENTS_PER_SECOND = 1_000;
  private static final long READER_POLL_MILLIS = 100;
  private static final Duration WARMUP = Duration.ofSeconds(15);
  private static final Duration MIRROR_PATIENCE = Duration.ofSeconds(60);
  private static final String HEAP = "256m";
  private static final String COMMAND = "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=latency";

  private final Topics topics;
  private final BenchOptions options;
  private final Path dataDir;
  private final Path sqlDir = Path.of(System.getProperty("variantconnect.sql.dir", "sql/duckdb"));

  public LatencyBenchmark(Topics topics, BenchOptions options, Path dataDir) {
    this.topics = topics;
    this.options = options;
    this.dataDir = dataDir;
  }

  public List<Result> run() {
    try {
      List<Result> results = new ArrayList<>();
      for (LatencyScenario scenario : List.of(LatencyScenario.shipped())) {
        results.addAll(run(scenario));
      }
      return results;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Latency benchmark failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private List<Result> run(LatencyScenario scenario) throws IOException, SQLException, InterruptedException {
    // The shipped names with the scenario's: a topic deleted by the previous scenario may linger a moment.
    Names names = new Names("ats-telemetry-" + scenario.name(), "ats-alerts-" + scenario.name(),
        "clickstream-http-data-" + scenario.name());
    Load load = Load.of(options.latencyEventsPerSecond(), options.latencySeconds());
    Duration targetLag = QuickstartOptions.parse(new String[0], new Properties()).targetLag();
    names.topics().forEach(topic -> topics.create(topic, 1));
    DuckDbFile file = prepared(dataDir.resolve("latency-" + scenario.name() + ".duckdb"));
    try (WorkerProcess worker = WorkerProcess.start(topics.bootstrapServers(), "bench-latency-" + scenario.name(), HEAP,
        dataDir, true, options.latencyFlightRecording());
        // An explicit start: by default the API rounds its event-time origin down to the second, and
        // events would then carry times up to 1 s older than the moment they are published.
        DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder().start(Instant.now()).seed(42)
            .eventsPerSecond(load.clicksPerSecond()).initialEvents(0).maxEvents(load.clicks())
            .window((int) load.clicks()).build());
        QuickstartReaders readers = QuickstartReaders.start(file, sqlDir.resolve("refresh"), targetLag)) {
      long measureFrom = System.currentTimeMillis() + WARMUP.toMillis();
      KafkaArrivals arrivals = new KafkaArrivals(topics.bootstrapServers(),
          Map.of(names.ats(), EventTimes.RECORD_TIMESTAMP, names.clicks(), EventTimes.VALUE_EVENT_TIME),
          Map.of(names.ats(), 1, names.clicks(), 1), measureFrom);
      RowWatcher watcher = new RowWatcher(file, READER_POLL_MILLIS, RAW_TABLES, MIRROR_TABLES);
      List<Thread> threads = List.of(new Thread(arrivals, "kafka-arrivals"), new Thread(watcher, "duckdb-reader"));
      threads.forEach(Thread::start);
      try {
        // In the quickstart's order: the sources, then the sink.
        worker.rest().putConfig("ats-source", atsConfig(names, load));
        worker.rest().putConfig("clickstream-http-source", httpConfig(names, api.baseUrl() + "/v1/events"));
        worker.rest().putConfig("variant-sink-duckdb", sinkConfig(names, scenario, file.path()));
        Duration patience = Duration.ofSeconds(options.latencySeconds() + 180L);
        Awaits.until(patience, load.events() + " rows in the raw tables of " + file.path(),
            () -> watcher.rows(RowWatcher.Stage.RAW) >= load.events());
        try {
          Awaits.until(MIRROR_PATIENCE, load.events() + " rows in the mirror of " + file.path(),
              () -> watcher.rows(RowWatcher.Stage.MIRROR) >= load.events());
        } catch (AssertionError e) {
          // A mirror that falls behind is a finding, not a failed run: its row says how far it got.
          System.out.println("latency " + scenario.name() + ": the mirror holds " + watcher.rows(RowWatcher.Stage.MIRROR)
              + " of " + load.events() + " rows " + MIRROR_PATIENCE.toSeconds() + " s after the raw tables had all");
        }
      } finally {
        watcher.stop();
        arrivals.stop();
        threads.forEach(LatencyBenchmark::join);
      }
      Report report = new Report(scenario, load, targetLag, arrivals.arrivals().percentiles(),
          latencies(watcher, arrivals, measureFrom, RowWatcher.Stage.RAW, null),
          latencies(watcher, arrivals, measureFrom, RowWatcher.Stage.RAW, names.ats()),
          latencies(watcher, arrivals, measureFrom, RowWatcher.Stage.RAW, names.clicks()),
          latencies(watcher, arrivals, measureFrom, RowWatcher.Stage.MIRROR, null),
          watcher.waits().percentiles(), watcher.holds().percentiles(), readers.describe(),
          FlushLog.read(worker.log()), FlushPhases.read(worker.log()), GcLog.read(worker.gcLog()));
      report.print();
      if (options.latencyFlightRecording()) {
        System.out.println("latency: the worker's flight recording is written to " + worker.flightRecording()
            + " when it stops");
      }
      return report.results(COMMAND);
    } finally {
      names.topics().forEach(topics::delete);
    }
  }

  /** The topics of one scenario. */
  private record Names(String ats, String alerts, String clicks) {
    List<String> topics() {
      return List.of(ats, alerts, clicks);
    }
  }

  /** How the rate is split between the two sources, and how many events each sends. */
  record Load(int eventsPerSecond, int seconds, double atsSpeedup, long atsTicks, int clicksPerSecond) {

    /**
     * The ATS source emits one event per train per 30 s simulated tick, so a speed-up of
     * {@code 30 × share / trains} gives its share of the rate; the demo API publishes the rest.
     */
    static Load of(int eventsPerSecond, int seconds) {
      int ats = Math.min(ATS_EVENTS_PER_SECOND, eventsPerSecond / 10);
      double speedup = 30.0 * ats / TRAINS;
      long ticks = (long) Math.ceil(seconds * speedup / 30.0);
      return new Load(eventsPerSecond, seconds, speedup, ticks, eventsPerSecond - ats);
    }

    long atsEvents() {
      return atsTicks * TRAINS;
    }

    long clicks() {
      return (long) clicksPerSecond * seconds;
    }

    long events() {
      return atsEvents() + clicks();
    }

    int atsPerSecond() {
      return (int) Math.round(TRAINS * atsSpeedup / 30.0);
    }
  }

  /**
   * Each row's latency in a stage, for one topic or all: the opening of the read that first saw it,
   * minus its event time.
   */
  private static Percentiles latencies(RowWatcher watcher, KafkaArrivals arrivals, long measureFrom,
      RowWatcher.Stage stage, String topic) {
    LatencySamples samples = new LatencySamples();
    for (RowWatcher.Sighting seen : watcher.sightings()) {
      if (seen.stage() != stage || (topic != null && !seen.partition().topic().equals(topic))) {
        continue;
      }
      for (long offset = seen.from() + 1; offset <= seen.to(); offset++) {
        // Offsets of transaction markers (the sources run exactly-once) hold no record: -1 or 0 here.
        long eventTime = arrivals.eventTime(seen.partition(), offset);
        if (eventTime >= measureFrom) {
          samples.add(seen.seenAt() - eventTime);
        }
      }
    }
    return samples.percentiles();
  }

  /** The shipped file with sql/duckdb applied, as the quickstart prepares it before the worker starts. */
  private DuckDbFile prepared(Path path) throws IOException, SQLException, InterruptedException {
    Files.deleteIfExists(path);
    Files.deleteIfExists(Path.of(path + ".wal"));
    DuckDbFile file = new DuckDbFile(path);
    file.write(Duration.ofSeconds(30), connection -> {
      try {
        return SqlScripts.apply(connection, sqlDir);
      } catch (IOException e) {
        throw new SQLException("cannot read " + sqlDir, e);
      }
    });
    return file;
  }

  private static Map<String, String> atsConfig(Names names, Load load) {
    return ConnectorConfigs.shipped("ats-source.json", Map.of("name", "ats-source", "topic", names.ats(),
        "alerts.topic", names.alerts(), "sim.speedup", Double.toString(load.atsSpeedup()),
        "sim.max.ticks", Long.toString(load.atsTicks())));
  }

  private static Map<String, String> httpConfig(Names names, String url) {
    return ConnectorConfigs.shipped("clickstream-http-source.json",
        Map.of("name", "clickstream-http-source", "topic", names.clicks(), "http.url", url));
  }

  private static Map<String, String> sinkConfig(Names names, LatencyScenario scenario, Path file) {
    Map<String, String> overrides = new HashMap<>(scenario.sink());
    overrides.putAll(Map.of("name", "variant-sink-duckdb", "topics", names.ats() + "," + names.clicks(),
        "duckdb.path", file.toString(),
        "topic2table.map", names.ats() + ":" + RAW_TABLES.get(0) + "," + names.clicks() + ":" + RAW_TABLES.get(1)));
    return ConnectorConfigs.shipped("variant-sink-duckdb.json", overrides);
  }

  private static void join(Thread thread) {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The figures of one run, printed and turned into result rows. */
  private record Report(LatencyScenario scenario, Load load, Duration targetLag, Percentiles inKafka,
      Percentiles raw, Percentiles rawAts, Percentiles rawClicks, Percentiles mirror, Percentiles readerWaits,
      Percentiles readerHolds, String readers, FlushLog flushes, FlushPhases phases, GcLog gc) {

    void print() {
      System.out.printf("latency %s: in Kafka p50 %d ms p99 %d ms | raw tables p50 %d ms p99 %d ms max %d ms (%d events;"
              + " ATS p99 %d ms, clickstream p99 %d ms) | mirror p50 %d ms p99 %d ms max %d ms | reader waits p50 %d ms"
              + " p99 %d ms max %d ms, holds p50 %d ms p99 %d ms | heap after GC max %d MB, before GC max %d MB"
              + " (%d collections)%n",
          scenario.name(), inKafka.at(50), inKafka.at(99), raw.at(50), raw.at(99), raw.max(), raw.count(),
          rawAts.at(99), rawClicks.at(99), mirror.at(50), mirror.at(99), mirror.max(), readerWaits.at(50),
          readerWaits.at(99), readerWaits.max(), readerHolds.at(50), readerHolds.at(99), gc.maxAfterMb(),
          gc.maxBeforeMb(), gc.collections());
      System.out.println("latency " + scenario.name() + " sink: " + flushes);
      System.out.println("latency " + scenario.name() + " sink's file holdings: " + phases);
      System.out.println("latency " + scenario.name() + " readers: " + readers);
    }

    List<Result> results(String command) {
      String setting = String.format("%,d events/s (ATS source %,d/s: 115 trains at sim.speedup=%.1f; demo API %,d/s"
              + " → HTTP source), %s; one worker -Xmx%s, exactly-once sources, one sink writing both topics into one"
              + " DuckDB file; in another process the quickstart's mirror refresh (target lag %d s) and dashboard"
              + " rounds, and a reader every %d ms",
          load.eventsPerSecond(), load.atsPerSecond(), load.atsSpeedup(), load.clicksPerSecond(),
          scenario.description(), HEAP, targetLag.toSeconds(), READER_POLL_MILLIS);
      String prefix = "Latency event time → row readable in the raw tables (quickstart shape, " + scenario.name() + ")";
      String mirrorName = "Latency event time → row in the mirror views (quickstart shape, " + scenario.name() + ")";
      return List.of(
          Result.figure(prefix + ", p50", "—", raw.at(50), "ms", null, command, setting),
          Result.figure(prefix + ", p99", "p99 < 1 s", raw.at(99), "ms", raw.at(99) < 1_000, command,
              setting + "; max " + raw.max() + " ms over " + raw.count() + " events after a " + WARMUP.toSeconds()
                  + " s warm-up (p99 ATS " + rawAts.at(99) + " ms, clickstream " + rawClicks.at(99) + " ms); of"
                  + " which event → readable in Kafka: p50 " + inKafka.at(50) + " ms, p99 " + inKafka.at(99)
                  + " ms; sink: " + flushes + "; " + phases.summary() + "; reader: waits to open the file p50 " + readerWaits.at(50)
                  + " ms, p99 " + readerWaits.at(99) + " ms; " + readers),
          Result.figure(mirrorName + ", p50", "—", mirror.at(50), "ms", null, command,
              setting + "; ATS_TRANSFORMED and CLICKSTREAM_EVENTS, whose floor is the mirror's target lag ("
                  + targetLag.toSeconds() + " s between refreshes, plus the refresh itself)"),
          Result.figure(mirrorName + ", p99", "— (target lag " + targetLag.toSeconds() + " s)", mirror.at(99), "ms",
              null, command, setting + "; max " + mirror.max() + " ms over " + mirror.count() + " events seen in the"
                  + " mirror (of " + raw.count() + " in the raw tables)"),
          Result.figure("Worker heap at that load (quickstart shape, " + scenario.name() + ")", "≤ 256 MB", gc.maxAfterMb(), "MB after GC",
              gc.maxAfterMb() <= 256, command,
              "worker JVM -Xmx" + HEAP + " (G1) running both sources and the sink kept up to the end; largest heap"
                  + " after a collection " + gc.maxAfterMb() + " MB, largest before " + gc.maxBeforeMb() + " MB, "
                  + gc.collections() + " collections"));
    }
  }
}
