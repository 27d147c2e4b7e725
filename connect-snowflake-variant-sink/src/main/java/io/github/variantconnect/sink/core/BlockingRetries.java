package io.github.variantconnect.sink.core;

import io.github.variantconnect.sink.errors.RetryBudget;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import io.github.variantconnect.sink.target.TargetException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Target calls that cannot be deferred to a later put (the rebalance callback has to return with
 * the offsets; a reset must be durable before the record is taken): a short blocking retry within
 * the outage budget, then a failure that names the call and carries the error code.
 */
final class BlockingRetries {

  private static final Logger log = LoggerFactory.getLogger(BlockingRetries.class);

  @FunctionalInterface
  interface TargetCall<T> {
    T run() throws TargetException;
  }

  private final long budgetMs;
  private final LongSupplier clock;
  private final SinkMetrics metrics;

  BlockingRetries(long budgetMs, LongSupplier clock, SinkMetrics metrics) {
    this.budgetMs = budgetMs;
    this.clock = clock;
    this.metrics = metrics;
  }

  <T> T run(String what, TargetCall<T> call) {
    RetryBudget budget = new RetryBudget(Duration.ofMillis(100), Duration.ofMillis(budgetMs));
    while (true) {
      try {
        return call.run();
      } catch (TargetException e) {
        long wait = e.retriable() ? budget.onFailure(clock.getAsLong()) : -1;
        if (wait < 0) {
          throw new ConnectException(codeOf(e).messageWithHint(what + ": " + e.getMessage()), e);
        }
        log.warn("Target not available {} ({}); retrying in {} ms", what, e.getMessage(), wait);
        metrics.retried();
        sleep(wait);
      }
    }
  }

  static SinkErrorCode codeOf(TargetException e) {
    return e.code() != null ? e.code() : e.retriable() ? SinkErrorCode.TARGET_UNAVAILABLE : SinkErrorCode.TARGET_FAILED;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while waiting for the target", e);
    }
  }
}
