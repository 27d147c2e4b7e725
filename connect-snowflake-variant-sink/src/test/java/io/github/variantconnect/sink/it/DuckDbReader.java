package io.github.variantconnect.sink.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the sink's DuckDB file from the test JVM — another OS process than the worker — the way a
 * dashboard does: read-only, a short connection, and a retry while the sink holds the file for a
 * flush. Remembers the longest wait, which must stay bounded.
 */
final class DuckDbReader {

  private static final Duration MAX_WAIT = Duration.ofSeconds(15);

  private final Path file;
  private long longestWaitMs;
  private int reads;
  private int lockConflicts;

  DuckDbReader(Path file) {
    this.file = file;
  }

  @FunctionalInterface
  interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs the query read-only, retrying lock conflicts; null while the file does not exist yet. */
  <T> T read(Query<T> query) {
    long start = System.nanoTime();
    while (true) {
      if (!Files.exists(file)) {
        return null;
      }
      Properties props = new Properties();
      props.setProperty("duckdb.read_only", "true");
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, props)) {
        T result = query.run(connection);
        longestWaitMs = Math.max(longestWaitMs, (System.nanoTime() - start) / 1_000_000);
        reads++;
        return result;
      } catch (SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("Conflicting lock") && !message.contains("Could not set lock")) {
          throw new IllegalStateException("Reading " + file + " failed: " + message, e);
        }
        lockConflicts++;
        if (System.nanoTime() - start > MAX_WAIT.toNanos()) {
          longestWaitMs = Math.max(longestWaitMs, (System.nanoTime() - start) / 1_000_000);
          throw new AssertionError("DuckDB file still locked after " + MAX_WAIT + ": " + message);
        }
        sleep(25);
      }
    }
  }

  /**
   * True when the sink holds the file right now: it takes the lock only to write a batch (and,
   * briefly, to read its offsets), so this is the moment a write is in flight.
   */
  boolean writerHoldsFile() {
    if (!Files.exists(file)) {
      return false;
    }
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, props)) {
      return false;
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      return message.contains("Conflicting lock") || message.contains("Could not set lock");
    }
  }

  long count(String table) {
    Long count = read(c -> {
      if (!tableExists(c, table)) {
        return 0L;
      }
      return single(c, "SELECT count(*) FROM \"" + table + "\"");
    });
    return count == null ? 0 : count;
  }

  static boolean tableExists(Connection c, String table) throws SQLException {
    try (var statement = c.prepareStatement("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
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

  static List<String[]> rows(Connection c, String sql) throws SQLException {
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

  long longestWaitMs() {
    return longestWaitMs;
  }

  int reads() {
    return reads;
  }

  int lockConflicts() {
    return lockConflicts;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
