package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.JdbcTransactionalTarget;
import io.github.variantconnect.sink.target.Row;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB as a target: JSON tables in one database file, and an offsets table written in the same
 * transaction as the rows. Each flush opens the file, appends, commits and closes it again, so the
 * file is locked only while a batch is written and any process can read it in between — and, the
 * batch being one transaction, only ever sees whole batches.
 *
 * <p>Tasks of one worker writing the same file share one writer ({@link DuckDbGroupCommit}): the
 * batches that arrive while one is written are committed together in the next transaction.
 *
 * <p>Closing the last connection would checkpoint the file, which costs a small batch as much as
 * its append. Commits are durable in the write-ahead log, which every opening of the file replays
 * (read-only ones too), so the log is left to grow to {@code duckdb.checkpoint.threshold.bytes}
 * and checkpointed by the commit that crosses it.
 */
public final class DuckDbTarget extends JdbcTransactionalTarget {

  private static final Logger log = LoggerFactory.getLogger(DuckDbTarget.class);

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
  /** The commit's share of the current {@link #withFile}, for its debug line; only touched under the file lock. */
  private long commitNanos;

  public DuckDbTarget(DuckDbConfig config, String connectorName, DuckDbFiles.Connector connector) {
    super(MAX_CONTENT_BYTES, connectorName, DuckDbSql.selectOffsets(config.offsetsTable()),
        DuckDbSql.deleteOffset(config.offsetsTable()));
    this.file = config.path();
    this.offsetsTable = config.offsetsTable();
    this.connectorName = connectorName;
    this.connectionSettings = DuckDbSql.checkpointSettings(config.checkpointThresholdBytes());
    this.connector = connector;
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

  /** Committed with the batches other tasks of this worker write to the same file meanwhile. */
  @Override
  @SuppressWarnings("unchecked")
  protected <T> T inWriteTransaction(Batch batch, Work<Connection, T> work) throws TargetException {
    return (T) DuckDbGroupCommit.of(file).commit(this::writeGroup, connection -> {
      try (Statement statement = connection.createStatement()) {
        // Each part starts with a statement: DuckDB's appender joins a transaction only once one has begun it.
        statement.execute(DuckDbSql.createOffsets(offsetsTable));
      }
      return work.run(connection);
    });
  }

  /** Opens the file with this target's settings and commits the parts of a group together. */
  private void writeGroup(List<DuckDbGroupCommit.Part> parts) throws TargetException {
    withFile("writing to", connection -> {
      connection.setAutoCommit(false);
      try {
        for (DuckDbGroupCommit.Part part : parts) {
          part.runOn(connection);
        }
        long committing = System.nanoTime();
        connection.commit();
        commitNanos = System.nanoTime() - committing;
        return null;
      } catch (SQLException | TargetException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    });
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

  /**
   * Work done while holding the file: the JVM-wide lock, then DuckDB's own, both released after.
   * At debug level each holding is logged by phase, which tells where a slow flush spent its time
   * (opening replays the write-ahead log; a commit past the threshold checkpoints it).
   */
  private <T> T withFile(String action, Work<Connection, T> work) throws TargetException {
    long asked = System.nanoTime();
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
    long lockedAt = System.nanoTime();
    commitNanos = 0;
    try {
      Files.createDirectories(file.getParent());
      Connection connection = connector.open(file);
      long opened = System.nanoTime();
      long worked = opened;
      try {
        try (Statement statement = connection.createStatement()) {
          for (String setting : connectionSettings) {
            statement.execute(setting);
          }
        }
        T result = work.run(connection);
        worked = System.nanoTime();
        return result;
      } finally {
        connection.close();
        if (log.isDebugEnabled()) {
          long closed = System.nanoTime();
          log.debug("Held {} {} ms for {} it: waited {} ms for this worker's other writers, opened in {} ms, worked"
                  + " {} ms of which the commit {} ms, closed in {} ms", file, millis(closed - lockedAt), action,
              millis(lockedAt - asked), millis(opened - lockedAt), millis(worked - opened), millis(commitNanos),
              millis(closed - worked));
        }
      }
    } catch (SQLException | IOException | RuntimeException e) {
      throw DuckDbErrors.classify(file, action, e);
    } finally {
      DuckDbFiles.unlock(file);
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}
