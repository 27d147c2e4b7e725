package io.github.variantconnect.bench.infra;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/** Runs a baseline loop on its own thread while the same {@link GrowthTimer} as the connector's watches it. */
public final class Baseline {

  private Baseline() {}

  public static Throughput time(String what, Runnable loop, LongSupplier count, long target, Duration timeout) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        loop.run();
      } catch (Throwable t) {
        failure.set(t);
      }
    }, what);
    thread.start();
    try {
      return GrowthTimer.time(what, () -> {
        if (failure.get() != null) {
          throw new IllegalStateException(what + " failed", failure.get());
        }
        return count.getAsLong();
      }, target, timeout);
    } finally {
      join(thread);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(Duration.ofMinutes(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
