package io.github.variantconnect.bench.dashboard;

import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.quickstart.mirror.MirrorRefresh;
import io.github.variantconnect.quickstart.sql.SqlScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dashboard's cost as history grows. For each history size: raw rows generated inside DuckDB
 * (half telemetry, half clickstream, with duplicates and late rows), the mirror built by the
 * incremental refresh, then in each round all panels read as the dashboard reads them, and the
 * refresh of 10,000 newly landed raw rows timed (each refresh is one write transaction: the time
 * the sink waits at most). Up to {@value #BASELINE_MAX_ROWS} raw rows the same panels are also read
 * through the plain views that recompute from the raw JSON (the baseline, same file, same process),
 * and a sink-like writer in another process measures how long its flushes wait for the file while
 * the dashboard runs on either.
 */
public final class DashboardBenchmark {

  static final long BASELINE_MAX_ROWS = 1_000_000;
  static final int NEW_ROWS = 10_000;
  private static final String COMMAND = "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=dashboard";

  private final BenchOptions options;
  private final Path dataDir;
  private final Path sqlDir;
  private final long[] sizes;
  private final int lockSeconds;

  public DashboardBenchmark(BenchOptions options, Path dataDir) {
    this.options = options;
    this.dataDir = dataDir;
    this.sqlDir = Path.of(System.getProperty("bench.dashboard.sql", "sql/duckdb"));
    this.sizes = Arrays.stream(System.getProperty("bench.dashboard.rows", "100000,1000000,10000000").split(","))
        .map(String::trim).mapToLong(Long::parseLong).toArray();
    this.lockSeconds = Integer.getInteger("bench.dashboard.lock.seconds", 30);
  }

  public List<Result> run() {
    List<Result> results = new ArrayList<>();
    try {
      for (long size : sizes) {
        results.addAll(runAt(size));
      }
    } catch (Exception e) {
      throw new IllegalStateException("dashboard benchmark failed: " + e.getMessage(), e);
    }
    return results;
  }

  private List<Result> runAt(long rawRows) throws Exception {
    Path file = dataDir.resolve("dashboard-" + rawRows + ".duckdb");
    Files.deleteIfExists(file);
    Files.deleteIfExists(Path.of(file + ".wal"));
    MirrorRefresh refresh = MirrorRefresh.load(sqlDir.resolve("refresh"), 1_000_000);
    RawHistory history = new RawHistory();
    long generateMs;
    long buildMs;
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      SqlScripts.apply(connection, sqlDir);
      long started = System.nanoTime();
      // The copies add about 1 %: generate just under the target so the total lands on it.
      long events = Math.round(rawRows / 2 / 1.0098);
      history.append(connection, events, events);
      generateMs = (System.nanoTime() - started) / 1_000_000;
      if (rawRows <= BASELINE_MAX_ROWS) {
        PlainViews.create(connection);
      }
      started = System.nanoTime();
      while (refresh.run(connection).full()) {
        // catching up on the whole history, a million raw rows per table at a time
      }
      buildMs = (System.nanoTime() - started) / 1_000_000;
    }
    long landed = rawRowsIn(file);
    System.out.printf("dashboard: %,d raw rows generated in %,d ms, mirror built in %,d ms%n", landed, generateMs, buildMs);

    double[] reads = new double[options.rounds()];
    double[] baseline = new double[rawRows <= BASELINE_MAX_ROWS ? options.rounds() : 0];
    double[] refreshes = new double[options.rounds()];
    PanelReads.roundMillis(file, "main");
    for (int round = 0; round < options.rounds(); round++) {
      reads[round] = PanelReads.roundMillis(file, "main");
      if (baseline.length > 0) {
        baseline[round] = PanelReads.roundMillis(file, PlainViews.SCHEMA);
      }
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
        history.append(connection, NEW_ROWS / 2, NEW_ROWS / 2);
      }
      long started = System.nanoTime();
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
        refresh.run(connection);
      }
      refreshes[round] = (System.nanoTime() - started) / 1e6;
      System.out.printf("dashboard: %,d raw rows, round %d: panels %.0f ms (plain views %s), refresh of %,d new rows %.0f ms%n",
          landed, round + 1, reads[round], baseline.length > 0 ? String.format("%.0f ms", baseline[round]) : "-",
          NEW_ROWS, refreshes[round]);
    }
    String size = String.format("%,d raw rows", landed);
    String spread = "rounds: " + Spread.of(reads);
    List<Result> results = new ArrayList<>();
    double median = Spread.median(reads);
    if (baseline.length > 0) {
      double baselineMedian = Spread.median(baseline);
      results.add(new Result("Dashboard read, all panels, " + size, "≤ 250 ms at 10M raw rows, flat in history",
          median / baselineMedian, Double.NaN, Double.NaN, median, baselineMedian, "ms", "plain views over the raw JSON",
          rawRows >= 10_000_000 ? median <= 250 : null, COMMAND,
          spread + "; plain views: " + Spread.of(baseline) + "; mirror built in " + buildMs + " ms"));
    } else {
      results.add(Result.figure("Dashboard read, all panels, " + size, "≤ 250 ms at 10M raw rows, flat in history",
          median, "ms", rawRows >= 10_000_000 ? median <= 250 : null, COMMAND,
          spread + "; raw rows generated in " + generateMs + " ms, mirror built in " + buildMs + " ms"));
    }
    results.add(Result.figure("Mirror refresh of 10,000 new raw rows, " + size, "one short write transaction",
        Spread.median(refreshes), "ms", null, COMMAND,
        "rounds: " + Spread.of(refreshes) + " (open, refresh, commit, close: the longest the sink waits)"));
    if (baseline.length > 0 && lockSeconds > 0) {
      LockWaits.Waits plain = LockWaits.during(file, PlainViews.SCHEMA, sqlDir.resolve("refresh"), lockSeconds);
      LockWaits.Waits mirrored = LockWaits.during(file, "main", sqlDir.resolve("refresh"), lockSeconds);
      System.out.printf("dashboard: %s, sink lock waits with plain views: %s; with the mirror and its refresher: %s%n",
          size, plain, mirrored);
      results.add(new Result("Sink's wait for the DuckDB file while the dashboard runs (p99), " + size,
          "refresh must not stall the sink", mirrored.p99() / Math.max(1, plain.p99()), Double.NaN, Double.NaN, mirrored.p99(), plain.p99(),
          "ms", "dashboard on the plain views", null, COMMAND,
          lockSeconds + " s each: mirror " + mirrored + "; plain views " + plain
              + " (a writer process flushing every 250 ms)"));
    }
    return results;
  }

  private static long rawRowsIn(Path file) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      return RawHistory.rawRows(connection);
    }
  }
}
