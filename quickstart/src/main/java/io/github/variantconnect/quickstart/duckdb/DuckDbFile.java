package io.github.variantconnect.quickstart.duckdb;

import io.github.variantconnect.testkit.duckdb.DuckDbLocks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Short connections to a DuckDB file that another process (the sink, inside the Connect worker)
 * writes: one connection per job, lock conflicts retried by the testkit's one policy, {@link
 * DuckDbLocks}.
 *
 * <p>Within this process the connections to one file take turns (the dashboard's reads and the
 * mirror's refreshes run on different threads): DuckDB refuses a read-write connection to a file
 * that the same process has open read-only, and the other way round. A turn includes the retries
 * while another process holds the file, when no connection of ours could open it anyway.
 */
public final class DuckDbFile {

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
    return inTurn(true, patience, work);
  }

  /** Runs {@code work} on a read-write connection, retrying lock conflicts for up to {@code patience}. */
  public <T> T write(Duration patience, Work<T> work) throws SQLException, InterruptedException {
    return inTurn(false, patience, work);
  }

  private <T> T inTurn(boolean readOnly, Duration patience, Work<T> work) throws SQLException, InterruptedException {
    ReentrantLock turn = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock(true));
    turn.lockInterruptibly();
    try {
      return DuckDbLocks.withConnection(file, readOnly, patience, work::run);
    } finally {
      turn.unlock();
    }
  }

  /** True when another process holds the file: worth retrying, unlike any other error. */
  public static boolean isLockConflict(SQLException e) {
    return DuckDbLocks.isLockConflict(e);
  }
}
