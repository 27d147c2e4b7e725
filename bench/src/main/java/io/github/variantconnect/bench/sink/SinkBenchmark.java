package io.github.variantconnect.bench.sink;

import io.github.variantconnect.bench.infra.Baseline;
import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.infra.ConnectorConfigs;
import io.github.variantconnect.bench.infra.ConnectorRun;
import io.github.variantconnect.bench.infra.Throughput;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.bench.report.Rounds;
import io.github.variantconnect.testkit.ConnectCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VARIANT sink rows/s into DuckDB on a real worker with the shipped config (values read as text,
 * flush every 10,000 records or 250 ms) at tasks.max = 1, 2 and 4, with the JsonConverter, and
 * with a checkpoint on every flush, against
 * a raw consumer + Appender loop over the same topic run just before. Both are timed from the
 * first committed rows to the last.
 */
public final class SinkBenchmark {

  private static final String TABLE = "ATS_RAW_JSON";
  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final String COMMAND = "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=sink";

  private final ConnectCluster cluster;
  private final BenchOptions options;
  private final Path dataDir;
  private SinkFlushStats lastFlushes;
  private double lastFlushShare;

  public SinkBenchmark(ConnectCluster cluster, BenchOptions options, Path dataDir) {
    this.cluster = cluster;
    this.options = options;
    this.dataDir = dataDir;
  }

  /** Sinks {@code records} records of ATS telemetry already in {@code topic}. */
  public List<Result> run(String topic, long records) {
    int batchRows = Integer.parseInt(shippedConfig().get("buffer.count.records"));
    // Untimed first runs of both, so the JIT has compiled the hot paths before anything is timed.
    System.out.printf("sink warm-up: %s%n", runConnector("sink-warm-up", topic, records, SinkSetup.all().get(0)));
    System.out.printf("sink warm-up raw appender: %s%n", runBaseline("sink-raw-warm-up", topic, records, batchRows));
    Map<SinkSetup, Rounds> bySetup = new LinkedHashMap<>();
    Map<SinkSetup, List<String>> flushShares = new LinkedHashMap<>();
    for (int round = 1; round <= options.rounds(); round++) {
      for (SinkSetup setup : SinkSetup.all()) {
        // The baseline right before each connector run: both meet the same machine load.
        Throughput raw = runBaseline("sink-raw-r" + round + "-" + setup.id(), topic, records, batchRows);
        Throughput sink = runConnector("sink-bench-r" + round + "-" + setup.id(), topic, records, setup);
        bySetup.computeIfAbsent(setup, s -> new Rounds())
            .add(sink.perSecond(), raw.perSecond(), Throughput.shorter(sink, raw));
        flushShares.computeIfAbsent(setup, s -> new ArrayList<>())
            .add(String.format("%s (%.0f %% of the span)", lastFlushes, 100 * Math.min(1, lastFlushShare)));
        System.out.printf("sink round %d %s: connector %s, %s | raw appender %s%n", round, setup.label(), sink,
            lastFlushes, raw);
      }
    }
    List<Result> results = new ArrayList<>();
    bySetup.forEach((setup, rounds) -> results.add(Result.paired("Sink into DuckDB, " + setup.label(),
        setup.judged() ? "≥ 0.8× raw Appender loop" : "(no goal)", rounds, "rows/s",
        "raw consumer + DuckDB Appender loop, same topic", setup.judged() ? rounds.medianRatio() >= 0.8 : null,
        COMMAND, rounds.describe() + "; " + options.roundsText() + "; " + records + " ATS records in 4 partitions,"
            + " every row"
            + " counted in DuckDB afterwards; writing batches (file open → commit → close): "
            + String.join(", ", flushShares.get(setup)))));
    return results;
  }

  private Throughput runConnector(String name, String topic, long records, SinkSetup setup) {
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    for (int f = 0; f < setup.files(); f++) {
      String connector = setup.files() == 1 ? name : name + "-file" + f;
      Path file = fresh(dataDir.resolve(connector + ".duckdb"));
      Map<String, String> config = new LinkedHashMap<>(shippedConfig());
      config.putAll(Map.of(
          "name", connector,
          "topics", topic,
          "tasks.max", Integer.toString(setup.tasks()),
          "duckdb.path", file.toString(),
          "topic2table.map", topic + ":" + TABLE));
      config.putAll(setup.overrides());
      configs.put(connector, config);
      files.put(connector, file);
    }
    List<SinkRowsWritten> written = configs.keySet().stream().map(SinkRowsWritten::new).toList();
    List<SinkFlushStats> flushes = new ArrayList<>();
    Throughput throughput = ConnectorRun.timeAll(cluster, configs,
        () -> written.stream().mapToLong(SinkRowsWritten::getAsLong).sum(), records * setup.files(), TIMEOUT,
        () -> configs.keySet().forEach(connector -> flushes.add(SinkFlushStats.read(connector))));
    files.values().forEach(file -> verifyAndDelete(file, records));
    lastFlushes = SinkFlushStats.sum(flushes);
    lastFlushShare = lastFlushes.flushMillis() / setup.files() / (throughput.nanos() / 1e6);
    return throughput;
  }

  private Throughput runBaseline(String name, String topic, long records, int batchRows) {
    Path file = fresh(dataDir.resolve(name + ".duckdb"));
    RawAppenderLoop loop = new RawAppenderLoop(cluster.kafka().bootstrapServers(), batchRows);
    Throughput throughput = Baseline.time(name, () -> loop.copy(topic, records, file, TABLE),
        loop::committedRows, records, TIMEOUT);
    verifyAndDelete(file, records);
    return throughput;
  }

  private static Map<String, String> shippedConfig() {
    return ConnectorConfigs.shipped("variant-sink-duckdb.json", Map.of());
  }

  /** Every row is checked: a throughput that lost or doubled rows would mean nothing. */
  private static void verifyAndDelete(Path file, long records) {
    long rows = DuckDbRows.count(file, TABLE);
    if (rows != records) {
      throw new IllegalStateException(file + " holds " + rows + " rows, expected " + records);
    }
    fresh(file);
  }

  /** The file with any leftover of an earlier, interrupted run removed. */
  private static Path fresh(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Path.of(file + ".wal"));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
