package io.github.variantconnect.bench.latency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Watches rows become visible in the sink's DuckDB file the way a dashboard would: every {@code
 * pollMillis} it opens the file read-only, reads how far each partition has been written (the
 * offsets table, committed in the same transaction as the rows), and closes it again — a small
 * query, so the reader holds the file only briefly. The sink cannot commit while a reader holds the
 * file, so rows first seen by a read became visible after the previous read and at the latest when
 * this one started: the figure errs high by at most one poll.
 */
final class VisibilityWatcher implements Runnable {

  /** Offsets {@code (from, to]} of a partition first seen by the read that started at {@code seenAt}. */
  record Sighting(int partition, long from, long to, long seenAt) {}

  private final Path file;
  private final String connector;
  private final String topic;
  private final long pollMillis;
  private final Map<Integer, Long> visible = new HashMap<>();
  private final List<Sighting> sightings = new ArrayList<>();
  private volatile boolean stopped;
  private volatile long visibleRows;
  private volatile RuntimeException failure;
  private int lockConflicts;

  VisibilityWatcher(Path file, String connector, String topic, long pollMillis) {
    this.file = file;
    this.connector = connector;
    this.topic = topic;
    this.pollMillis = pollMillis;
  }

  @Override
  public void run() {
    try {
      while (!stopped) {
        read();
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

  synchronized List<Sighting> sightings() {
    return List.copyOf(sightings);
  }

  int lockConflicts() {
    return lockConflicts;
  }

  private void read() throws InterruptedException {
    if (!Files.exists(file)) {
      return;
    }
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    while (true) {
      long readStart = System.currentTimeMillis();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly)) {
        collect(c, readStart);
        return;
      } catch (SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("does not exist")) {
          return;
        }
        if (!message.contains("lock")) {
          throw new IllegalStateException("Reading " + file + " failed: " + message, e);
        }
        // The sink is flushing: try again shortly, as a dashboard would.
        lockConflicts++;
        Thread.sleep(2);
      }
    }
  }

  private void collect(Connection c, long readStart) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT \"PARTITION\", \"KAFKA_OFFSET\" FROM \"VARIANT_CONNECT_OFFSETS\" WHERE \"CONNECTOR\" = ? AND \"TOPIC\" = ?")) {
      s.setString(1, connector);
      s.setString(2, topic);
      try (ResultSet rs = s.executeQuery()) {
        long rows = 0;
        while (rs.next()) {
          int partition = rs.getInt(1);
          long offset = rs.getLong(2);
          long before = visible.getOrDefault(partition, -1L);
          if (offset > before) {
            record(new Sighting(partition, before, offset, readStart));
            visible.put(partition, offset);
          }
          rows += offset + 1;
        }
        visibleRows = rows;
      }
    }
  }

  private synchronized void record(Sighting sighting) {
    sightings.add(sighting);
  }
}
