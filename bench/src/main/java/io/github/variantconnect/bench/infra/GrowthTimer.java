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

  /**
   * Times a count that keeps growing for a fixed span: from the first growth after the first
   * records appeared (so start-up and the first batch are left out) until at least {@code span}
   * later. For producers that run until stopped, so every round lasts as long as asked whatever
   * the throughput.
   */
  public static Throughput window(String what, LongSupplier count, Duration span, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long firstCount = -1;
    long startAt = -1;
    long startCount = 0;
    while (true) {
      long now = System.nanoTime();
      long seen = count.getAsLong();
      if (startAt < 0) {
        if (firstCount < 0 && seen > 0) {
          firstCount = seen;
        } else if (firstCount >= 0 && seen > firstCount) {
          startAt = now;
          startCount = seen;
        }
      } else if (now - startAt >= span.toNanos()) {
        if (seen == startCount) {
          throw new IllegalStateException(what + ": no growth in " + span + " after " + seen + " records");
        }
        return new Throughput(seen - startCount, now - startAt);
      }
      if (now > deadline) {
        throw new IllegalStateException(what + ": " + seen + " records, not growing for " + span + " within " + timeout);
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
