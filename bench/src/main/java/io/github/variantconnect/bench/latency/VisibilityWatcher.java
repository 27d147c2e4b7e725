package io.github.variantconnect.bench.latency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;

/**
 * Watches rows become visible in the sink's DuckDB table the way a dashboard would: every {@code
 * pollMillis} it opens the file read-only, reads the rows added since its last look, and closes it.
 * A row's latency is the start of the first read that saw it minus its {@code event_time}. The
 * sink cannot commit while a reader holds the file, so the row became visible after the previous
 * read and at the latest when this one started: the figure errs high by at most one poll.
 */
final class VisibilityWatcher implements Runnable {

  private final Path file;
  private final String table;
  private final long pollMillis;
  private final long measureFromMillis;
  private volatile boolean stopped;
  private volatile long visibleRows;
  private volatile RuntimeException failure;
  private long[] latencies = new long[1 << 16];
  private int samples;
  private long lastRowId = -1;
  private int lockConflicts;

  VisibilityWatcher(Path file, String table, long pollMillis, Instant measureFrom) {
    this.file = file;
    this.table = table;
    this.pollMillis = pollMillis;
    this.measureFromMillis = measureFrom.toEpochMilli();
  }

  @Override
  public void run() {
    try {
      while (!stopped) {
        readNewRows();
        Thread.sleep(pollMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  void stop() {
    stopped = true;
  }

  long visibleRows() {
    if (failure != null) {
      throw failure;
    }
    return visibleRows;
  }

  synchronized long[] latencies() {
    return Arrays.copyOf(latencies, samples);
  }

  int lockConflicts() {
    return lockConflicts;
  }

  private void readNewRows() throws InterruptedException {
    if (!Files.exists(file)) {
      return;
    }
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    while (true) {
      long readStart = System.currentTimeMillis();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly)) {
        if (tableExists(c)) {
          collect(c, readStart);
        }
        return;
      } catch (SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("lock")) {
          throw new IllegalStateException("Reading " + file + " failed: " + message, e);
        }
        // The sink is flushing: try again shortly, as a dashboard would.
        lockConflicts++;
        Thread.sleep(2);
      }
    }
  }

  private boolean tableExists(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private void collect(Connection c, long readStart) throws SQLException {
    // Rows are only ever appended, so rowid grows with every commit.
    try (PreparedStatement s = c.prepareStatement(
        "SELECT rowid, RECORD_CONTENT->>'event_time' FROM \"" + table + "\" WHERE rowid > ? ORDER BY rowid")) {
      s.setLong(1, lastRowId);
      try (ResultSet rs = s.executeQuery()) {
        long rows = 0;
        while (rs.next()) {
          lastRowId = rs.getLong(1);
          long eventTime = Instant.parse(rs.getString(2)).toEpochMilli();
          if (eventTime >= measureFromMillis) {
            add(readStart - eventTime);
          }
          rows++;
        }
        visibleRows += rows;
      }
    }
  }

  private synchronized void add(long latencyMillis) {
    if (samples == latencies.length) {
      latencies = Arrays.copyOf(latencies, samples * 2);
    }
    latencies[samples++] = latencyMillis;
  }
}
