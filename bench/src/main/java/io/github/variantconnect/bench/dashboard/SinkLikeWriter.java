package io.github.variantconnect.bench.dashboard;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Stands in for the sink in its own process (DuckDB locks a file per process): every
 * {@value #FLUSH_EVERY_MS} ms it opens the file as the DuckDB target does (no checkpoint on
 * close), appends {@value #ROWS_PER_FLUSH} raw rows to each raw table in one transaction and
 * closes it, retrying a lock conflict every {@value #RETRY_MS} ms as the sink's busy backoff does.
 * It prints how long each flush waited for the file: {@code waits flushes p50 p99 max} in ms.
 */
public final class SinkLikeWriter {

  static final long FLUSH_EVERY_MS = 250;
  static final int ROWS_PER_FLUSH = 25;
  private static final long RETRY_MS = 20;

  private SinkLikeWriter() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
    List<Double> waits = new ArrayList<>();
    while (System.nanoTime() < until) {
      long started = System.nanoTime();
      while (!flush(file)) {
        Thread.sleep(RETRY_MS);
      }
      waits.add(waitedMs(started));
      Thread.sleep(FLUSH_EVERY_MS);
    }
    Collections.sort(waits);
    System.out.printf(Locale.ROOT, "waits %d %.1f %.1f %.1f%n", waits.size(), at(waits, 0.5), at(waits, 0.99),
        waits.isEmpty() ? 0 : waits.get(waits.size() - 1));
  }

  /** One flush; false when another process holds the file. */
  private static boolean flush(Path file) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA disable_checkpoint_on_shutdown");
      connection.setAutoCommit(false);
      // Redeliveries of rows already landed: real raw rows that give a refresh work to do.
      for (String table : List.of("ATS_RAW_JSON", "CLICKSTREAM_RAW")) {
        statement.execute("INSERT INTO \"" + table + "\" SELECT * FROM \"" + table + "\" LIMIT " + ROWS_PER_FLUSH);
      }
      connection.commit();
      return true;
    } catch (SQLException e) {
      if (e.getMessage() != null && (e.getMessage().contains("Conflicting lock") || e.getMessage().contains("Could not set lock"))) {
        return false;
      }
      throw e;
    }
  }

  private static double waitedMs(long started) {
    return (System.nanoTime() - started) / 1e6;
  }

  private static double at(List<Double> sorted, double quantile) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
  }
}
