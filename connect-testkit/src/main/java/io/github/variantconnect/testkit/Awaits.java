package io.github.variantconnect.testkit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting for a condition instead of sleeping a fixed time. A condition that throws — an assertion
 * not met yet, a service not up yet — is polled again; if the time runs out, the error says what
 * the condition last threw (as the cause) or, for {@link #value}, the last value seen.
 */
public final class Awaits {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private Awaits() {}

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    value(timeout, what, condition::getAsBoolean, Boolean::booleanValue);
  }

  /** Polls {@code supplier} until its value satisfies {@code accept}, and returns that value. */
  public static <T> T value(Duration timeout, String what, Supplier<T> supplier, Predicate<T> accept) {
    AtomicReference<T> last = new AtomicReference<>();
    AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    try {
      Awaitility.await(what)
          .atMost(timeout)
          .pollInterval(POLL_INTERVAL)
          .until(
              () -> {
                try {
                  T value = supplier.get();
                  last.set(value);
                  lastFailure.set(null);
                  return accept.test(value);
                } catch (RuntimeException | AssertionError e) {
                  lastFailure.set(e);
                  return false;
                }
              });
    } catch (ConditionTimeoutException timedOut) {
      Throwable failure = lastFailure.get();
      String detail = failure != null ? "; last attempt failed: " + failure : "; last value: " + last.get();
      throw new AssertionError("Timed out after " + timeout + " waiting for " + what + detail, failure);
    }
    return last.get();
  }
}
