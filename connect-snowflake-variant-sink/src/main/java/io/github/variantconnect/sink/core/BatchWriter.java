package io.github.variantconnect.sink.core;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Runs at most one {@link Target#write} at a time on the given executor, so the task thread can
 * convert the next records while the current batch is written. Every other target call happens on
 * the task thread after {@link #await()}, so the target is never used by two threads at once;
 * {@code Future.get} makes the write's effects visible to the task thread.
 */
final class BatchWriter {

  /** What became of a write: {@code failure} is null when the target took the whole batch. */
  record Outcome(Batch batch, long nanos, TargetException failure) {}

  private final Target target;
  private final Executor executor;
  private CompletableFuture<Long> inFlight;
  private Batch batch;

  BatchWriter(Target target, Executor executor) {
    this.target = target;
    this.executor = executor;
  }

  void start(Batch next) {
    if (inFlight != null) {
      throw new IllegalStateException("a write is already in flight");
    }
    batch = next;
    inFlight = CompletableFuture.supplyAsync(() -> {
      long started = System.nanoTime();
      try {
        target.write(next);
      } catch (TargetException e) {
        throw new CompletionException(e);
      }
      return System.nanoTime() - started;
    }, executor);
  }

  boolean inFlight() {
    return inFlight != null;
  }

  /** True when a write was started and has finished, so {@link #await()} would not block. */
  boolean finished() {
    return inFlight != null && inFlight.isDone();
  }

  /** Waits for the write in flight and hands over its outcome; the writer is idle afterwards. */
  Outcome await() {
    CompletableFuture<Long> future = inFlight;
    Batch written = batch;
    if (future == null) {
      throw new IllegalStateException("no write in flight");
    }
    try {
      long nanos = future.get();
      clear();
      return new Outcome(written, nanos, null);
    } catch (ExecutionException | CompletionException e) {
      clear();
      if (e.getCause() instanceof TargetException failure) {
        return new Outcome(written, 0, failure);
      }
      throw new ConnectException("Writing " + written.rowCount() + " rows failed: " + e.getCause(), e.getCause());
    } catch (CancellationException e) {
      clear();
      throw new ConnectException("The write of " + written.rowCount() + " rows was cancelled", e);
    } catch (InterruptedException e) {
      // The write goes on; whoever calls next waits for it again.
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while waiting for the target to write a batch", e);
    }
  }

  private void clear() {
    inFlight = null;
    batch = null;
  }
}
