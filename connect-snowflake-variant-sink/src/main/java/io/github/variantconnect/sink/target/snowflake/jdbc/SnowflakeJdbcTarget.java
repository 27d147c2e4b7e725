package io.github.variantconnect.sink.target.snowflake.jdbc;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.JdbcOffsets;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.TransactionalTarget;
import io.github.variantconnect.sink.target.snowflake.JdbcConnector;
import io.github.variantconnect.sink.target.snowflake.SnowflakeErrors;
import io.github.variantconnect.sink.target.snowflake.SnowflakeIdentifier;
import io.github.variantconnect.sink.target.snowflake.SnowflakeSql;
import io.github.variantconnect.sink.target.snowflake.SnowflakeTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Snowflake through its JDBC driver: each batch is one transaction that inserts the rows set-based
 * (multi-row INSERT ... SELECT PARSE_JSON(...) FROM VALUES, in chunks) and MERGEs each partition's
 * last offset into an offsets table. Rows at or below a stored offset are skipped inside the
 * transaction, after taking the offsets table's lock, so a retried batch, an ambiguous commit or a
 * task that does not know yet it was replaced never duplicates a row.
 */
public final class SnowflakeJdbcTarget extends TransactionalTarget<Connection> {

  /** Snowflake's VARIANT limit. */
  private static final long MAX_CONTENT_BYTES = 16L * 1024 * 1024;
  /** Rows per INSERT: large enough to amortise a round trip, small enough for one request body. */
  static final int MAX_ROWS_PER_STATEMENT = 1_000;
  /** Characters of JSON per INSERT; a single larger row still gets a statement of its own. */
  static final long MAX_CHARS_PER_STATEMENT = 8_000_000;
  /** Partitions per MERGE into the offsets table. */
  static final int MAX_OFFSETS_PER_STATEMENT = 1_000;

  private final JdbcConnector connector;
  private final SnowflakeTables tables;
  private final String offsetsTable;
  private final String connectorName;
  private Connection connection;
  private boolean offsetsTableReady;

  public SnowflakeJdbcTarget(JdbcConnector connector, SnowflakeTables tables, SnowflakeIdentifier offsetsTable,
      String connectorName) {
    this.connector = connector;
    this.tables = tables;
    this.offsetsTable = SnowflakeSql.qualified(tables.database(), tables.schema(), offsetsTable);
    this.connectorName = connectorName;
  }

  @Override
  public long maxContentBytes() {
    return MAX_CONTENT_BYTES;
  }

  @Override
  protected Map<TopicPartition, Long> loadOffsets() throws TargetException {
    return withConnection("reading offsets from " + offsetsTable, c -> {
      ensureOffsetsTable(c);
      return readOffsets(c);
    });
  }

  @Override
  protected <T> T inWriteTransaction(Batch batch, Work<Connection, T> work) throws TargetException {
    return withConnection("writing " + batch.rowCount() + " rows", c -> {
      // DDL commits implicitly in Snowflake, so tables are made before the transaction begins.
      ensureOffsetsTable(c);
      Set<String> targets = new TreeSet<>();
      for (PartitionBatch slice : batch.partitions()) {
        for (Row row : slice.rows()) {
          targets.add(row.table());
        }
      }
      for (String table : targets) {
        tables.ensure(c, table);
      }
      return inTransaction(c, work);
    });
  }

  @Override
  protected <T> T inResetTransaction(Work<Connection, T> work) throws TargetException {
    return withConnection("resetting offsets in " + offsetsTable, c -> {
      ensureOffsetsTable(c);
      return inTransaction(c, work);
    });
  }

  /** The offsets table's lock is taken first, so stored offsets are read by one transaction at a time. */
  private <T> T inTransaction(Connection c, Work<Connection, T> work) throws SQLException, TargetException {
    c.setAutoCommit(false);
    try {
      lockOffsets(c);
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | TargetException | RuntimeException e) {
      rollbackQuietly(c);
      throw e;
    } finally {
      autoCommitQuietly(c);
    }
  }

  @Override
  protected void insertRows(Connection c, String table, List<Row> rows) throws SQLException {
    insert(c, tables.qualified(table), rows);
  }

  private static void insert(Connection c, String table, List<Row> rows) throws SQLException {
    int from = 0;
    while (from < rows.size()) {
      int to = from;
      long chars = 0;
      while (to < rows.size() && to - from < MAX_ROWS_PER_STATEMENT
          && (to == from || chars + rows.get(to).size() <= MAX_CHARS_PER_STATEMENT)) {
        chars += rows.get(to).size();
        to++;
      }
      try (PreparedStatement insert = c.prepareStatement(SnowflakeSql.insertRows(table, to - from))) {
        int index = 1;
        for (Row row : rows.subList(from, to)) {
          insert.setString(index++, row.metadata());
          insert.setString(index++, row.content());
        }
        insert.executeUpdate();
      }
      from = to;
    }
  }

  @Override
  protected void storeOffsets(Connection c, Map<TopicPartition, Long> offsets) throws SQLException {
    List<Map.Entry<TopicPartition, Long>> entries = new ArrayList<>(offsets.entrySet());
    for (int from = 0; from < entries.size(); from += MAX_OFFSETS_PER_STATEMENT) {
      List<Map.Entry<TopicPartition, Long>> chunk =
          entries.subList(from, Math.min(entries.size(), from + MAX_OFFSETS_PER_STATEMENT));
      try (PreparedStatement merge = c.prepareStatement(SnowflakeSql.mergeOffsets(offsetsTable, chunk.size()))) {
        int index = 1;
        for (Map.Entry<TopicPartition, Long> entry : chunk) {
          merge.setString(index++, connectorName);
          merge.setString(index++, entry.getKey().topic());
          merge.setInt(index++, entry.getKey().partition());
          merge.setLong(index++, entry.getValue());
        }
        merge.executeUpdate();
      }
    }
  }

  @Override
  public void close() {
    super.close();
    discardConnection();
  }

  private void ensureOffsetsTable(Connection c) throws SQLException {
    if (!offsetsTableReady) {
      try (Statement statement = c.createStatement()) {
        statement.execute(SnowflakeSql.createOffsets(offsetsTable));
      }
      offsetsTableReady = true;
    }
  }

  private void lockOffsets(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(SnowflakeSql.lockOffsets(offsetsTable))) {
      lock.setString(1, connectorName);
      lock.executeUpdate();
    }
  }

  @Override
  protected Map<TopicPartition, Long> readOffsets(Connection c) throws SQLException {
    return JdbcOffsets.read(c, SnowflakeSql.selectOffsets(offsetsTable), connectorName);
  }

  @Override
  protected void deleteOffsets(Connection c, Collection<TopicPartition> partitions) throws SQLException {
    JdbcOffsets.delete(c, SnowflakeSql.deleteOffset(offsetsTable), connectorName, partitions);
  }

  /** Runs work on the connection, opening it when needed; after a failure the next call reconnects. */
  private <T> T withConnection(String action, Work<Connection, T> work) throws TargetException {
    try {
      if (connection == null) {
        connection = connector.open();
      }
      return work.run(connection);
    } catch (SQLException e) {
      discardConnection();
      throw SnowflakeErrors.classify(action, e);
    } catch (TargetException e) {
      discardConnection();
      throw e;
    } catch (RuntimeException e) {
      discardConnection();
      throw SnowflakeErrors.classify(action, e);
    }
  }

  private void discardConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The session ends with the connection either way.
      }
      connection = null;
      offsetsTableReady = false;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // Closing the connection discards the transaction anyway.
    }
  }

  private static void autoCommitQuietly(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // A broken connection is discarded by the caller.
    }
  }
}
