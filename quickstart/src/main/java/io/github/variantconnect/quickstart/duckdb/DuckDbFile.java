package io.github.variantconnect.quickstart.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Short connections to a DuckDB file that another process (the sink, inside the Connect worker)
 * writes. DuckDB locks a file per process: while the sink flushes, opening fails with "Conflicting
 * lock", and while we hold it, the sink's flush waits. So every connection here is opened for one
 * job and closed right after, and a conflict is retried with a short backoff.
 *
 * <p>Within this process the connections to one file take turns (the dashboard's reads and the
 * mirror's refreshes run on different threads): DuckDB refuses a read-write connection to a file
 * that the same process has open read-only, and the other way round.
 */
public final class DuckDbFile {

  private static final long FIRST_BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 500;

  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;

  public DuckDbFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  public Path path() {
    return file;
  }

  /** Work done on one open connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} on a read-only connection, retrying lock conflicts for up to {@code patience}. */
  public <T> T read(Duration patience, Work<T> work) throws SQLException, InterruptedException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    return withConnection(readOnly, patience, work);
  }

  /** Runs {@code work} on a read-write connection, retrying lock conflicts for up to {@code patience}. */
  public <T> T write(Duration patience, Work<T> work) throws SQLException, InterruptedException {
    return withConnection(new Properties(), patience, work);
  }

  private <T> T withConnection(Properties properties, Duration patience, Work<T> work)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    long backoff = FIRST_BACKOFF_MS;
    ReentrantLock turn = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock(true));
    while (true) {
      turn.lockInterruptibly();
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties)) {
        return work.run(connection);
      } catch (SQLException e) {
        if (!isLockConflict(e) || System.nanoTime() + backoff * 1_000_000 > deadline) {
          throw e;
        }
      } finally {
        turn.unlock();
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
