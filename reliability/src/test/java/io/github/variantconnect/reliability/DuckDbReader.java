package io.github.variantconnect.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the sink's DuckDB file from the test JVM — another OS process than the worker — the way a
 * dashboard does: read-only, one short connection per query, retried while the sink holds the file
 * for a flush.
 */
final class DuckDbReader {

  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final Path file;

  DuckDbReader(Path file) {
    this.file = file;
  }

  @FunctionalInterface
  interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs the query on a read-only connection; {@code ifMissing} while the file does not exist. */
  <T> T read(Query<T> query, T ifMissing) {
    long start = System.nanoTime();
    while (true) {
      if (!Files.exists(file)) {
        return ifMissing;
      }
      Properties props = new Properties();
      props.setProperty("duckdb.read_only", "true");
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, props)) {
        return query.run(connection);
      } catch (SQLException e) {
        String message = String.valueOf(e.getMessage());
        boolean locked = message.contains("Conflicting lock") || message.contains("Could not set lock");
        if (!locked) {
          throw new IllegalStateException("Reading " + file + " failed: " + message, e);
        }
        if (System.nanoTime() - start > MAX_WAIT.toNanos()) {
          throw new AssertionError("DuckDB file " + file + " still locked after " + MAX_WAIT + ": " + message);
        }
        pause();
      }
    }
  }

  /** Rows of a table; 0 while the file or the table does not exist. */
  long count(String table) {
    return read(c -> tableExists(c, table) ? single(c, "SELECT count(*) FROM " + quoted(table)) : 0L, 0L);
  }

  /** Rows of a table and distinct values of a JSON field of RECORD_CONTENT, e.g. {@code event_id}. */
  RowCount rowsAndDistinct(String table, String field) {
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
  List<String> tables() {
    return read(c -> strings(c, "SELECT table_name FROM information_schema.tables ORDER BY 1"), List.of());
  }

  static boolean tableExists(Connection c, String table) throws SQLException {
    try (PreparedStatement statement =
        c.prepareStatement("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  static long single(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** A table name as a quoted identifier; the tests only quote names they chose themselves. */
  static String quoted(String table) {
    return "\"" + table.replace("\"", "\"\"") + "\"";
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Rows of a table and distinct ids among them; equal when nothing is duplicated. */
  record RowCount(long rows, long distinct) {}
}
