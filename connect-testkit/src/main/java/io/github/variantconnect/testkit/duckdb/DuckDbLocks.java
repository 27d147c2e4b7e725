package io.github.variantconnect.testkit.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The one lock-retry policy for opening a DuckDB file that another process writes. DuckDB locks a
 * file per OS process: while the sink flushes, opening fails with "Conflicting lock", and while we
 * hold it, the sink's flush waits. So each connection is opened for one job and closed right after,
 * and a conflict is retried after 25 ms, doubling up to 250 ms, until the patience runs out.
 */
public final class DuckDbLocks {

  static final long FIRST_BACKOFF_MS = 25;
  static final long MAX_BACKOFF_MS = 250;

  private DuckDbLocks() {}

  /** Work done on one open connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} on a fresh connection, read-only or not, retrying lock conflicts for up to
   * {@code patience}; any other failure, or the last conflict once patience is spent, is thrown.
   */
  public static <T> T withConnection(Path file, boolean readOnly, Duration patience, Work<T> work)
      throws SQLException, InterruptedException {
    Properties properties = new Properties();
    if (readOnly) {
      properties.setProperty("duckdb.read_only", "true");
    }
    long deadline = System.nanoTime() + patience.toNanos();
    long backoff = FIRST_BACKOFF_MS;
    while (true) {
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties)) {
        return work.run(connection);
      } catch (SQLException e) {
        if (!isLockConflict(e) || System.nanoTime() + backoff * 1_000_000 > deadline) {
          throw e;
        }
      }
      Thread.sleep(backoff);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
  }

  /** True when another process holds the file: worth retrying, unlike any other error. */
  public static boolean isLockConflict(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && (message.contains("Conflicting lock") || message.contains("Could not set lock"))) {
        return true;
      }
    }
    return false;
  }
}
