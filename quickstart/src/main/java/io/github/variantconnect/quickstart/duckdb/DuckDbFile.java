package io.github.variantconnect.quickstart.duckdb;

import io.github.variantconnect.testkit.duckdb.DuckDbLocks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Short connections to a DuckDB file that another process (the sink, inside the Connect worker)
 * writes: one connection per job, lock conflicts retried by the testkit's one policy, {@link
 * DuckDbLocks}.
 */
public final class DuckDbFile {

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
    return DuckDbLocks.withConnection(file, true, patience, work::run);
  }

  /** Runs {@code work} on a read-write connection, retrying lock conflicts for up to {@code patience}. */
  public <T> T write(Duration patience, Work<T> work) throws SQLException, InterruptedException {
    return DuckDbLocks.withConnection(file, false, patience, work::run);
  }

  /** True when another process holds the file: worth retrying, unlike any other error. */
  public static boolean isLockConflict(SQLException e) {
    return DuckDbLocks.isLockConflict(e);
  }
}
