package io.github.variantconnect.testkit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/** Waiting for a condition instead of sleeping a fixed time. */
public final class Awaits {

  private Awaits() {}

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(condition::getAsBoolean);
  }

  /** Polls {@code supplier} until its value satisfies {@code accept}, and returns that value. */
  public static <T> T value(Duration timeout, String what, Supplier<T> supplier, Predicate<T> accept) {
    AtomicReference<T> last = new AtomicReference<>();
    Awaitility.await(what)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              T value = supplier.get();
              last.set(value);
              return accept.test(value);
            });
    return last.get();
  }
}
