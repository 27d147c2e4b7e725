package io.github.variantconnect.bench.latency;

import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches rows become readable in the DuckDB file from the reader's process, the way the
 * dashboard reads it: every {@code pollMillis} one short read-only connection, taken in turn with
 * the dashboard's rounds and the mirror's refreshes of this process ({@link DuckDbFile}), that
 * reads how far each partition has arrived in the raw tables and in the mirror tables behind the
 * views, and is closed again. Only rows past the last read are scanned (the sink and the refresh
 * append, so rowids grow with arrival), which keeps each read short.
 *
 * <p>Rows first seen by a read became readable after the previous read and at the latest when this
 * one opened the file: the figure errs high by at most one poll, plus any wait for the sink's
 * commit or for the reader's own refresh and dashboard round, which no reader of this process
 * could have read past either.
 */
final class RowWatcher implements Runnable {

  /** Where a row is watched. */
  enum Stage { RAW, MIRROR }

  /** Offsets {@code (from, to]} of a partition first seen in {@code stage} by the read that opened at {@code seenAt}. */
  record Sighting(Stage stage, TopicPartition partition, long from, long to, long seenAt) {}

  /** A table to watch: its stage and the query of rows past a rowid, grouped by topic and partition. */
  private record Watched(Stage stage, String table, String sql) {}

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final DuckDbFile file;
  private final long pollMillis;
  private final List<Watched> watched = new ArrayList<>();
  private final Map<String, Long> nextRowid = new HashMap<>();
  private final Map<Stage, Map<TopicPartition, Long>> visible = new HashMap<>();
  private final Map<Stage, Long> rows = new HashMap<>();
  private final List<Sighting> sightings = new ArrayList<>();
  private final LatencySamples waits = new LatencySamples();
  private final LatencySamples holds = new LatencySamples();
  private volatile boolean stopped;
  private volatile RuntimeException failure;

  RowWatcher(DuckDbFile file, long pollMillis, List<String> rawTables, List<String> mirrorTables) {
    this.file = file;
    this.pollMillis = pollMillis;
    for (String table : rawTables) {
      // The sink's metadata: topic, partition and offset of the record the row came from.
      watched.add(new Watched(Stage.RAW, table, "SELECT json_extract_string(RECORD_METADATA, '$.topic'),"
          + " CAST(json_extract(RECORD_METADATA, '$.partition') AS INTEGER),"
          + " max(CAST(json_extract(RECORD_METADATA, '$.offset') AS BIGINT)), count(*), max(rowid)"
          + " FROM \"" + table + "\" WHERE rowid >= ? GROUP BY ALL"));
    }
    for (String table : mirrorTables) {
      watched.add(new Watched(Stage.MIRROR, table, "SELECT kafka_topic, kafka_partition, max(kafka_offset), count(*),"
          + " max(rowid) FROM \"" + table + "\" WHERE rowid >= ? GROUP BY ALL"));
    }
    for (Stage stage : Stage.values()) {
      visible.put(stage, new HashMap<>());
      rows.put(stage, 0L);
    }
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
    } catch (SQLException | RuntimeException e) {
      failure = e instanceof RuntimeException r ? r : new IllegalStateException("Reading " + file.path() + " failed", e);
    }
  }

  void stop() {
    stopped = true;
  }

  /** Rows seen so far in a stage's tables. */
  synchronized long rows(Stage stage) {
    if (failure != null) {
      throw failure;
    }
    return rows.get(stage);
  }

  synchronized List<Sighting> sightings() {
    return List.copyOf(sightings);
  }

  /** How long each read waited to open the file: for its turn in this process, and for the sink's commit. */
  LatencySamples waits() {
    return waits;
  }

  /** How long each read held the file. */
  LatencySamples holds() {
    return holds;
  }

  /** One read of every watched table. */
  void read() throws SQLException, InterruptedException {
    long asked = System.currentTimeMillis();
    long[] opened = new long[1];
    file.read(PATIENCE, connection -> {
      opened[0] = System.currentTimeMillis();
      for (Watched table : watched) {
        collect(connection, table, opened[0]);
      }
      return null;
    });
    waits.add(opened[0] - asked);
    holds.add(System.currentTimeMillis() - opened[0]);
  }

  private void collect(Connection connection, Watched table, long seenAt) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(table.sql())) {
      query.setLong(1, nextRowid.getOrDefault(table.table(), 0L));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          TopicPartition partition = new TopicPartition(rs.getString(1), rs.getInt(2));
          record(table.stage(), partition, rs.getLong(3), rs.getLong(4), seenAt);
          nextRowid.merge(table.table(), rs.getLong(5) + 1, Math::max);
        }
      }
    } catch (SQLException e) {
      // Before the first flush the sink's tables may not exist yet.
      if (!String.valueOf(e.getMessage()).contains("does not exist")) {
        throw e;
      }
    }
  }

  private synchronized void record(Stage stage, TopicPartition partition, long offset, long count, long seenAt) {
    Map<TopicPartition, Long> seen = visible.get(stage);
    long before = seen.getOrDefault(partition, -1L);
    if (offset > before) {
      sightings.add(new Sighting(stage, partition, before, offset, seenAt));
      seen.put(partition, offset);
    }
    rows.merge(stage, count, Long::sum);
  }
}
