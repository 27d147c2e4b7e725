package io.github.variantconnect.sink.target.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBDriver;

/**
 * Opens DuckDB files, one writer per file in this JVM at a time. DuckDB's file lock only keeps
 * other processes out; inside one process two database instances of the same file (tasks of this
 * plugin, or a second class loader) would not exclude each other, so writers queue on a lock per
 * file here.
 */
public final class DuckDbFiles {

  /** Opens a connection to a file; tests substitute one that fails on purpose. */
  @FunctionalInterface
  public interface Connector {
    Connection open(Path file) throws SQLException;
  }

  /** The real thing: a fresh connection to the file, which DuckDB locks until it is closed. */
  public static final Connector DUCKDB = file -> new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());

  private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private DuckDbFiles() {}

  /** Takes the JVM-wide lock for the file, or returns false after {@code timeoutMs}. */
  static boolean lock(Path file, long timeoutMs) throws InterruptedException {
    return LOCKS.computeIfAbsent(file, f -> new ReentrantLock(true)).tryLock(timeoutMs, TimeUnit.MILLISECONDS);
  }

  static void unlock(Path file) {
    LOCKS.get(file).unlock();
  }
}
