package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.sink.target.TargetException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One writer per DuckDB file in this JVM, shared by every task that writes the file: the batches
 * that arrive while a transaction runs are committed together by the next one (group commit), so
 * tasks of one worker open the file, take its lock and commit once per round instead of once each.
 * Each task's part keeps its rows and its offsets in the shared transaction, so exactly-once per
 * partition holds as with a transaction of its own. A group that fails for good is taken apart and
 * each part run alone, so a task's bad table never fails another task's batch; an outage (a
 * reader's lock, I/O) fails every part alike, for each task to retry.
 */
final class DuckDbGroupCommit {

  /** Opens the file once and runs the parts in one transaction, committed together. */
  @FunctionalInterface
  interface FileTransaction {
    void run(List<Part> parts) throws TargetException;
  }

  /** One task's SQL inside the shared transaction. */
  @FunctionalInterface
  interface SqlWork {
    Object run(Connection connection) throws SQLException, TargetException;
  }

  /** One task's batch waiting for, or done by, a group transaction. */
  static final class Part {
    private final FileTransaction transaction;
    private final SqlWork work;
    private Object result;
    private TargetException failure;
    private RuntimeException error;
    private boolean done;

    private Part(FileTransaction transaction, SqlWork work) {
      this.transaction = transaction;
      this.work = work;
    }

    /** Runs this part's SQL on the group's connection; the group commits it. */
    void runOn(Connection connection) throws SQLException, TargetException {
      result = work.run(connection);
    }

    private void fail(Exception e) {
      if (e instanceof TargetException t) {
        failure = t;
      } else {
        error = (RuntimeException) e;
      }
    }

    private Object outcome() throws TargetException {
      if (failure != null) {
        throw failure;
      }
      if (error != null) {
        throw error;
      }
      return result;
    }
  }

  private static final ConcurrentMap<Path, DuckDbGroupCommit> FILES = new ConcurrentHashMap<>();

  private final List<Part> queue = new ArrayList<>();
  private boolean writing;

  private DuckDbGroupCommit() {}

  static DuckDbGroupCommit of(Path file) {
    return FILES.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new DuckDbGroupCommit());
  }

  /**
   * Commits {@code work} in the next group transaction and returns its result. The caller either
   * waits while another task's thread runs the group that holds its part, or runs the group
   * itself, with {@code transaction} (its own file settings) opening the file.
   */
  Object commit(FileTransaction transaction, SqlWork work) throws TargetException {
    Part part = new Part(transaction, work);
    List<Part> group;
    synchronized (this) {
      queue.add(part);
      while (!part.done && writing) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          queue.remove(part);
          throw TargetException.fatal("interrupted waiting to write", e);
        }
      }
      if (part.done) {
        return part.outcome();
      }
      writing = true;
      group = new ArrayList<>(queue);
      queue.clear();
    }
    try {
      run(group);
    } finally {
      synchronized (this) {
        writing = false;
        group.forEach(p -> p.done = true);
        notifyAll();
      }
    }
    return part.outcome();
  }

  private static void run(List<Part> group) {
    try {
      group.get(0).transaction.run(group);
      return;
    } catch (TargetException | RuntimeException e) {
      if (group.size() == 1 || (e instanceof TargetException t && t.retriable())) {
        group.forEach(p -> p.fail(e));
        return;
      }
    }
    // Rolled back as a whole: each part alone, so a failure is its own task's.
    for (Part part : group) {
      try {
        part.transaction.run(List.of(part));
      } catch (TargetException | RuntimeException e) {
        part.fail(e);
      }
    }
  }
}
