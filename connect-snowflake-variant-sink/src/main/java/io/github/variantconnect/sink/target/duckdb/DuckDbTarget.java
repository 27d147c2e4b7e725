package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB as a target: JSON tables in one database file, and an offsets table written in the same
 * transaction as the rows. Each flush opens the file, appends, commits and closes it again, so the
 * file is locked only while a batch is written and any process can read it in between — and, the
 * batch being one transaction, only ever sees whole batches.
 *
 * <p>Closing the last connection would checkpoint the file, which costs a small batch as much as
 * its append. Commits are durable in the write-ahead log, which every opening of the file replays
 * (read-only ones too), so the log is left to grow to {@code duckdb.checkpoint.threshold.bytes}
 * and checkpointed by the commit that crosses it.
 */
public final class DuckDbTarget implements Target {

  /** DuckDB holds strings of up to 4 GB; a Java string ends first. */
  private static final long MAX_CONTENT_BYTES = Integer.MAX_VALUE - 16;
  /** How long a flush waits for another task of this JVM writing the same file. */
  private static final long JVM_LOCK_TIMEOUT_MS = 30_000;

  private final Path file;
  private final String offsetsTable;
  private final String connectorName;
  private final List<String> connectionSettings;
  private final DuckDbFiles.Connector connector;
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final Set<String> checkedTables = new HashSet<>();

  public DuckDbTarget(DuckDbConfig config, String connectorName, DuckDbFiles.Connector connector) {
    this.file = config.path();
    this.offsetsTable = config.offsetsTable();
    this.connectorName = connectorName;
    this.connectionSettings = DuckDbSql.checkpointSettings(config.checkpointThresholdBytes());
    this.connector = connector;
  }

  @Override
  public long maxContentBytes() {
    return MAX_CONTENT_BYTES;
  }

  @Override
  public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) throws TargetException {
    Map<TopicPartition, Long> stored = withFile("reading offsets from", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(DuckDbSql.createOffsets(offsetsTable));
      }
      return readOffsets(connection);
    });
    Map<TopicPartition, Long> result = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long offset = stored.get(tp);
      if (offset != null) {
        result.put(tp, offset);
        committed.put(tp, offset);
      }
    }
    return result;
  }

  @Override
  public void write(Batch batch) throws TargetException {
    Map<TopicPartition, Long> written = withFile("writing to", connection -> writeInTransaction(connection, batch));
    committed.putAll(written);
  }

  private Map<TopicPartition, Long> writeInTransaction(Connection connection, Batch batch) throws SQLException, TargetException {
    connection.setAutoCommit(false);
    try {
      try (Statement statement = connection.createStatement()) {
        // Runs first on purpose: DuckDB's appender joins a transaction only once a statement has begun it.
        statement.execute(DuckDbSql.createOffsets(offsetsTable));
      }
      // Offsets are read inside the transaction: rows a previous owner already stored are skipped,
      // which makes a retried batch or a zombie task harmless.
      Map<TopicPartition, Long> stored = readOffsets(connection);
      Map<String, List<Row>> byTable = new LinkedHashMap<>();
      Map<TopicPartition, Long> advanced = new LinkedHashMap<>();
      Map<TopicPartition, Long> result = new HashMap<>();
      for (PartitionBatch slice : batch.partitions()) {
        long done = stored.getOrDefault(slice.partition(), -1L);
        result.put(slice.partition(), Math.max(done, slice.lastOffset()));
        if (slice.lastOffset() <= done) {
          continue;
        }
        for (Row row : slice.rows()) {
          if (row.offset() > done) {
            byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
          }
        }
        advanced.put(slice.partition(), slice.lastOffset());
      }
      for (String table : byTable.keySet()) {
        ensureTable(connection, table);
      }
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      for (Map.Entry<String, List<Row>> entry : byTable.entrySet()) {
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, entry.getKey())) {
          for (Row row : entry.getValue()) {
            appender.beginRow().append(row.metadata()).append(row.content()).endRow();
          }
        }
      }
      storeOffsets(connection, advanced);
      connection.commit();
      return result;
    } catch (SQLException | TargetException | RuntimeException e) {
      rollbackQuietly(connection);
      throw e;
    }
  }

  private void ensureTable(Connection connection, String table) throws SQLException, TargetException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(DuckDbSql.createTable(table));
    }
    if (checkedTables.contains(table)) {
      return;
    }
    // The appender fills columns by position, so a table created by someone else must match exactly.
    List<String> columns = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(DuckDbSql.tableColumns())) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1).toUpperCase(Locale.ROOT));
        }
      }
    }
    if (!columns.equals(List.of(DuckDbSql.RECORD_METADATA, DuckDbSql.RECORD_CONTENT))) {
      throw TargetException.fatal("table " + table + " in " + file + " has columns " + columns
          + "; the sink writes to tables with exactly RECORD_METADATA, RECORD_CONTENT (JSON), in this order."
          + " Drop or rename it, or route the topic to another table with topic2table.map", null);
    }
    checkedTables.add(table);
  }

  private Map<TopicPartition, Long> readOffsets(Connection connection) throws SQLException {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(DuckDbSql.selectOffsets(offsetsTable))) {
      query.setString(1, connectorName);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          offsets.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        }
      }
    }
    return offsets;
  }

  private void storeOffsets(Connection connection, Map<TopicPartition, Long> offsets) throws SQLException {
    if (offsets.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = connection.prepareStatement(DuckDbSql.upsertOffset(offsetsTable))) {
      for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
        upsert.setString(1, connectorName);
        upsert.setString(2, entry.getKey().topic());
        upsert.setInt(3, entry.getKey().partition());
        upsert.setLong(4, entry.getValue());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  @Override
  public void resetOffsets(Map<TopicPartition, Long> nextOffsets) throws TargetException {
    withFile("resetting offsets in", connection -> {
      connection.setAutoCommit(false);
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute(DuckDbSql.createOffsets(offsetsTable));
        }
        Map<TopicPartition, Long> stored = new LinkedHashMap<>();
        try (PreparedStatement delete = connection.prepareStatement(DuckDbSql.deleteOffset(offsetsTable))) {
          for (Map.Entry<TopicPartition, Long> entry : nextOffsets.entrySet()) {
            delete.setString(1, connectorName);
            delete.setString(2, entry.getKey().topic());
            delete.setInt(3, entry.getKey().partition());
            delete.executeUpdate();
            if (entry.getValue() > 0) {
              stored.put(entry.getKey(), entry.getValue() - 1);
            }
          }
        }
        storeOffsets(connection, stored);
        connection.commit();
        return null;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    });
    nextOffsets.forEach((tp, next) -> {
      if (next > 0) {
        committed.put(tp, next - 1);
      } else {
        committed.remove(tp);
      }
    });
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> result = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long offset = committed.get(tp);
      if (offset != null) {
        result.put(tp, offset);
      }
    }
    return result;
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    partitions.forEach(committed::remove);
  }

  @Override
  public void close() {
    committed.clear();
  }

  /** Work done while holding the file: the JVM-wide lock, then DuckDB's own, both released after. */
  private <T> T withFile(String action, Work<T> work) throws TargetException {
    boolean locked;
    try {
      locked = DuckDbFiles.lock(file, JVM_LOCK_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TargetException.fatal("interrupted waiting for " + file, e);
    }
    if (!locked) {
      throw TargetException.retriable("another task of this worker has been writing " + file + " for over "
          + JVM_LOCK_TIMEOUT_MS + " ms", null);
    }
    try {
      Files.createDirectories(file.getParent());
      try (Connection connection = connector.open(file)) {
        try (Statement statement = connection.createStatement()) {
          for (String setting : connectionSettings) {
            statement.execute(setting);
          }
        }
        return work.run(connection);
      }
    } catch (SQLException | IOException | RuntimeException e) {
      throw DuckDbErrors.classify(file, action, e);
    } finally {
      DuckDbFiles.unlock(file);
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // Closing the connection discards the transaction anyway.
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException, TargetException;
  }
}
