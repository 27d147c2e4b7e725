package io.github.variantconnect.sink.target.snowflake.jdbc;

import io.github.variantconnect.sink.errors.RecordRejectedException;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.JdbcTransactionalTarget;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.snowflake.JdbcConnector;
import io.github.variantconnect.sink.target.snowflake.SnowflakeErrors;
import io.github.variantconnect.sink.target.snowflake.SnowflakeIdentifier;
import io.github.variantconnect.sink.target.snowflake.SnowflakeSql;
import io.github.variantconnect.sink.target.snowflake.SnowflakeTables;
import io.github.variantconnect.sink.target.snowflake.SnowflakeVariantRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
public final class SnowflakeJdbcTarget extends JdbcTransactionalTarget {

  /** Rows per INSERT: large enough to amortise a round trip, small enough for one request body. */
  static final int MAX_ROWS_PER_STATEMENT = 1_000;
  /**
   * UTF-8 bytes of bound JSON per INSERT, within Snowflake's 1 MB per statement, which counts bound
   * values (https://docs.snowflake.com/en/user-guide/query-size-limits: larger statements are
   * truncated in the query history and cannot be retried); a single larger row still gets a
   * statement of its own.
   */
  static final long MAX_BYTES_PER_STATEMENT = 1_000_000;
  /** "Object does not exist or not authorized". */
  private static final int DOES_NOT_EXIST = 2003;
  /** Partitions per MERGE into the offsets table. */
  static final int MAX_OFFSETS_PER_STATEMENT = 1_000;

  private final JdbcConnector connector;
  private final SnowflakeTables tables;
  private final String offsetsTable;
  private final String connectorName;
  private final JdbcTimeouts timeouts;
  private final SnowflakeVariantRules rules = new SnowflakeVariantRules();
  private Connection connection;
  private boolean offsetsTableReady;

  public SnowflakeJdbcTarget(JdbcConnector connector, SnowflakeTables tables, SnowflakeIdentifier offsetsTable,
      String connectorName, JdbcTimeouts timeouts) {
    super(SnowflakeVariantRules.MAX_INPUT_BYTES, connectorName, SnowflakeSql.selectOffsets(qualified(tables,
        offsetsTable)), SnowflakeSql.deleteOffset(qualified(tables, offsetsTable)));
    this.connector = connector;
    this.tables = tables;
    this.offsetsTable = qualified(tables, offsetsTable);
    this.connectorName = connectorName;
    this.timeouts = timeouts;
  }

  @Override
  public RecordRejectedException refusal(Row row) {
    return rules.refusal(row);
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
  protected void insertRows(Connection c, String table, List<Row> rows) throws SQLException, TargetException {
    insert(c, tables.qualified(table), rows);
  }

  private static void insert(Connection c, String table, List<Row> rows) throws SQLException, TargetException {
    int from = 0;
    while (from < rows.size()) {
      int to = from;
      long bytes = 0;
      while (to < rows.size() && to - from < MAX_ROWS_PER_STATEMENT) {
        long size = SnowflakeVariantRules.utf8Bytes(rows.get(to).metadata())
            + SnowflakeVariantRules.utf8Bytes(rows.get(to).content());
        if (to > from && bytes + size > MAX_BYTES_PER_STATEMENT) {
          break;
        }
        bytes += size;
        to++;
      }
      List<Row> chunk = rows.subList(from, to);
      try {
        insertChunk(c, table, chunk);
      } catch (SQLException e) {
        if (!isDataError(e)) {
          throw e;
        }
        throw rejected(c, table, chunk, e);
      }
      from = to;
    }
  }

  private static void insertChunk(Connection c, String table, List<Row> rows) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(SnowflakeSql.insertRows(table, rows.size()))) {
      int index = 1;
      for (Row row : rows) {
        insert.setString(index++, row.metadata());
        insert.setString(index++, row.content());
      }
      insert.executeUpdate();
    }
  }

  /** SQLSTATE class 22: a value the statement cannot take (JSON PARSE_JSON refuses, a column type). */
  private static boolean isDataError(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("22");
  }

  /**
   * Names the row Snowflake refused: the statement failed as a whole, so its rows are tried one by
   * one. A failed statement rolls back alone in a Snowflake transaction, and the task fails anyway,
   * rolling everything back.
   */
  private static TargetException rejected(Connection c, String table, List<Row> rows, SQLException failure) {
    for (Row row : rows) {
      try {
        insertChunk(c, table, List.of(row));
      } catch (SQLException e) {
        return TargetException.fatal(SinkErrorCode.SNOWFLAKE_ROW_REJECTED, "row of " + RowOrigin.of(row)
            + " rejected by " + table + ": Snowflake error " + e.getErrorCode() + " (SQLSTATE " + e.getSQLState()
            + ")", e);
      }
    }
    return TargetException.fatal(SinkErrorCode.SNOWFLAKE_ROW_REJECTED, "rows at offsets " + rows.get(0).offset()
        + ".." + rows.get(rows.size() - 1).offset() + " rejected by " + table + ": Snowflake error "
        + failure.getErrorCode() + " (SQLSTATE " + failure.getSQLState() + ")", failure);
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

  private static String qualified(SnowflakeTables tables, SnowflakeIdentifier table) {
    return SnowflakeSql.qualified(tables.database(), tables.schema(), table);
  }

  @Override
  public void close() {
    super.close();
    discardConnection();
  }

  /**
   * Reads the offsets table first and creates it only when it is missing, so a role without CREATE
   * TABLE works with an offsets table an administrator made.
   */
  private void ensureOffsetsTable(Connection c) throws SQLException {
    if (!offsetsTableReady) {
      try {
        readOffsets(c);
      } catch (SQLException e) {
        if (e.getErrorCode() != DOES_NOT_EXIST) {
          throw e;
        }
        try (Statement statement = c.createStatement()) {
          statement.execute(SnowflakeSql.createOffsets(offsetsTable));
        }
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

  /** Runs work on the connection, opening it when needed; after a failure the next call reconnects. */
  private <T> T withConnection(String action, Work<Connection, T> work) throws TargetException {
    try {
      if (connection == null) {
        connection = connector.open();
        timeouts.apply(connection);
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

  private static void autoCommitQuietly(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // A broken connection is discarded by the caller.
    }
  }
}
