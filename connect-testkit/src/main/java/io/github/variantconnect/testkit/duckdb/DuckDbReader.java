package io.github.variantconnect.testkit.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sink's DuckDB file from the test JVM — another OS process than the worker — the way a
 * dashboard does: read-only, one short connection per query, retried by {@link DuckDbLocks} while
 * the sink holds the file for a flush. Counts reads and remembers the longest wait, for tests that
 * check readers are not starved.
 */
public final class DuckDbReader {

  /** How long a read waits out the sink's flushes before the test fails. */
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Path file;
  private long longestWaitMs;
  private int reads;

  public DuckDbReader(Path file) {
    this.file = file;
  }

  @FunctionalInterface
  public interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs the query read-only, retrying lock conflicts; null while the file does not exist yet. */
  public <T> T read(Query<T> query) {
    return read(query, null);
  }

  /** Runs the query read-only, retrying lock conflicts; {@code ifMissing} while the file does not exist. */
  public <T> T read(Query<T> query, T ifMissing) {
    if (!Files.exists(file)) {
      return ifMissing;
    }
    long start = System.nanoTime();
    try {
      T result = DuckDbLocks.withConnection(file, true, PATIENCE, query::run);
      reads++;
      return result;
    } catch (SQLException e) {
      if (DuckDbLocks.isLockConflict(e)) {
        throw new AssertionError("DuckDB file " + file + " still locked after " + PATIENCE + ": " + e.getMessage(), e);
      }
      throw new IllegalStateException("Reading " + file + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      longestWaitMs = Math.max(longestWaitMs, waitedMs);
    }
  }

  /** Rows of a table; 0 while the file or the table does not exist. */
  public long count(String table) {
    return read(c -> tableExists(c, table) ? single(c, "SELECT count(*) FROM " + quoted(table)) : 0L, 0L);
  }

  /** Rows of a table and distinct values of a JSON field of RECORD_CONTENT, e.g. {@code event_id}. */
  public RowCount rowsAndDistinct(String table, String field) {
    return read(c -> {
      if (!tableExists(c, table)) {
        return new RowCount(0, 0);
      }
      try (PreparedStatement statement = c.prepareStatement(
          "SELECT count(*), count(DISTINCT RECORD_CONTENT->>?) FROM " + quoted(table))) {
        statement.setString(1, "$." + field);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          return new RowCount(rs.getLong(1), rs.getLong(2));
        }
      }
    }, new RowCount(0, 0));
  }

  /** Names of all tables in the file, as DuckDB stores them. */
  public List<String> tables() {
    return read(c -> strings(c, "SELECT table_name FROM information_schema.tables ORDER BY 1"), List.of());
  }

  public static boolean tableExists(Connection c, String table) throws SQLException {
    try (PreparedStatement statement =
        c.prepareStatement("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  public static long single(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  public static List<String[]> rows(Connection c, String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** A table name as a quoted identifier; the tests only quote names they chose themselves. */
  public static String quoted(String table) {
    return "\"" + table.replace("\"", "\"\"") + "\"";
  }

  public long longestWaitMs() {
    return longestWaitMs;
  }

  public int reads() {
    return reads;
  }

  /** Rows of a table and distinct ids among them; equal when nothing is duplicated. */
  public record RowCount(long rows, long distinct) {}
}
