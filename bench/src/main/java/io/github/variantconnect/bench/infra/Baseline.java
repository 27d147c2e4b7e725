package io.github.variantconnect.bench.infra;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Function;

/** Runs a baseline loop on its own thread while the same {@link GrowthTimer} as the connector's watches it. */
public final class Baseline {

  private Baseline() {}

  /** Times {@code loop} until {@code target} records were counted. */
  public static Throughput time(String what, Runnable loop, LongSupplier count, long target, Duration timeout) {
    return watch(what, stop -> loop.run(), count, checked -> GrowthTimer.time(what, checked, target, timeout));
  }

  /**
   * Times {@code loop} over a span of {@code span} (see {@link GrowthTimer#window}); the loop runs
   * until the flag it is given turns true.
   */
  public static Throughput window(String what, Consumer<AtomicBoolean> loop, LongSupplier count, Duration span,
      Duration timeout) {
    return watch(what, loop, count, checked -> GrowthTimer.window(what, checked, span, timeout));
  }

  private static Throughput watch(String what, Consumer<AtomicBoolean> loop, LongSupplier count,
      Function<LongSupplier, Throughput> timer) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread thread = new Thread(() -> {
      try {
        loop.accept(stop);
      } catch (Throwable t) {
        failure.set(t);
      }
    }, what);
    thread.start();
    try {
      // A loop that failed stops the timer at once rather than at its timeout.
      return timer.apply(() -> {
        if (failure.get() != null) {
          throw new IllegalStateException(what + " failed", failure.get());
        }
        return count.getAsLong();
      });
    } finally {
      stop.set(true);
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
