package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.JdbcOffsets;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.TransactionalTarget;
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
import java.util.HashSet;
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
public final class DuckDbTarget extends TransactionalTarget<Connection> {

  /** DuckDB holds strings of up to 4 GB; a Java string ends first. */
  private static final long MAX_CONTENT_BYTES = Integer.MAX_VALUE - 16;
  /** How long a flush waits for another task of this JVM writing the same file. */
  private static final long JVM_LOCK_TIMEOUT_MS = 30_000;

  private final Path file;
  private final String offsetsTable;
  private final String connectorName;
  private final List<String> connectionSettings;
  private final DuckDbFiles.Connector connector;
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
  protected Map<TopicPartition, Long> loadOffsets() throws TargetException {
    return withFile("reading offsets from", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(DuckDbSql.createOffsets(offsetsTable));
      }
      return readOffsets(connection);
    });
  }

  @Override
  protected <T> T inWriteTransaction(Batch batch, Work<Connection, T> work) throws TargetException {
    return withFile("writing to", connection -> inTransaction(connection, work));
  }

  @Override
  protected <T> T inResetTransaction(Work<Connection, T> work) throws TargetException {
    return withFile("resetting offsets in", connection -> inTransaction(connection, work));
  }

  private <T> T inTransaction(Connection connection, Work<Connection, T> work) throws SQLException, TargetException {
    connection.setAutoCommit(false);
    try {
      try (Statement statement = connection.createStatement()) {
        // Runs first on purpose: DuckDB's appender joins a transaction only once a statement has begun it.
        statement.execute(DuckDbSql.createOffsets(offsetsTable));
      }
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | TargetException | RuntimeException e) {
      rollbackQuietly(connection);
      throw e;
    }
  }

  @Override
  protected void prepareTables(Connection connection, Collection<String> tables) throws SQLException, TargetException {
    for (String table : tables) {
      ensureTable(connection, table);
    }
  }

  @Override
  protected void insertRows(Connection connection, String table, List<Row> rows) throws SQLException {
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      for (Row row : rows) {
        appender.beginRow().append(row.metadata()).append(row.content()).endRow();
      }
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

  @Override
  protected Map<TopicPartition, Long> readOffsets(Connection connection) throws SQLException {
    return JdbcOffsets.read(connection, DuckDbSql.selectOffsets(offsetsTable), connectorName);
  }

  @Override
  protected void deleteOffsets(Connection connection, Collection<TopicPartition> partitions) throws SQLException {
    JdbcOffsets.delete(connection, DuckDbSql.deleteOffset(offsetsTable), connectorName, partitions);
  }

  @Override
  protected void storeOffsets(Connection connection, Map<TopicPartition, Long> offsets) throws SQLException {
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

  /** Work done while holding the file: the JVM-wide lock, then DuckDB's own, both released after. */
  private <T> T withFile(String action, Work<Connection, T> work) throws TargetException {
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
}
