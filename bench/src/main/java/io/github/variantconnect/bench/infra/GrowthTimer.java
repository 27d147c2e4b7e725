package io.github.variantconnect.bench.infra;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Times a growing count — records in a topic, rows committed in DuckDB — from the moment the first
 * ones appear to the moment the target is reached. Connector and baseline are timed by the same
 * watcher, so start-up (task start, consumer group join) is left out of both alike, and so is the
 * first batch, which appears at once.
 */
public final class GrowthTimer {

  private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

  private GrowthTimer() {}

  public static Throughput time(String what, LongSupplier count, long target, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long firstAt = -1;
    long firstCount = 0;
    while (true) {
      long now = System.nanoTime();
      long seen = count.getAsLong();
      if (firstAt < 0 && seen > 0) {
        firstAt = now;
        firstCount = seen;
      }
      if (seen >= target) {
        if (seen == firstCount) {
          throw new IllegalStateException(what + ": all " + target + " records appeared at once; use more records");
        }
        return new Throughput(target - firstCount, now - firstAt);
      }
      if (now > deadline) {
        throw new IllegalStateException(what + ": " + seen + " of " + target + " records after " + timeout);
      }
      sleepNanos(POLL_NANOS);
    }
  }

  static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
