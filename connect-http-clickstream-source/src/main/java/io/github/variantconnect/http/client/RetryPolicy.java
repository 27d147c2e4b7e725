package io.github.variantconnect.http.client;

import io.github.variantconnect.http.config.ResilienceSettings;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The one place that decides whether a failed request is tried again, and after how long:
 * exponential backoff with jitter, at least what {@code Retry-After} asks for, within a retry budget.
 */
public final class RetryPolicy {

  private final int maxRetries;
  private final Duration initial;
  private final Duration max;
  private final Set<Integer> retryStatuses;
  private final Duration retryAfterMax;
  private final RandomGenerator random;

  public RetryPolicy(ResilienceSettings settings, RandomGenerator random) {
    this.maxRetries = settings.maxRetries();
    this.initial = settings.backoffInitial();
    this.max = settings.backoffMax();
    this.retryStatuses = settings.retryStatuses();
    this.retryAfterMax = settings.retryAfterMax();
    this.random = random;
  }

  public boolean isRetriable(Failure failure) {
    return switch (failure.kind()) {
      // An oversized page may be a passing fault; one that stays too large spends the budget and fails.
      case IO, TIMEOUT, BAD_BODY, TOO_LARGE -> true;
      case STATUS -> retryStatuses.contains(failure.status());
      case REFUSED, DECODED_TOO_LARGE -> false;
    };
  }

  /** The wait before retry number {@code retry} (1 for the first), or null when there is none left. */
  public Duration delayBefore(int retry, Failure failure) {
    if (!isRetriable(failure) || retry > maxRetries) {
      return null;
    }
    return delay(retry, failure.retryAfter());
  }

  Duration delay(int retry, Duration retryAfter) {
    long ceiling = initial.toMillis() << Math.min(retry - 1, 30);
    long capped = Math.max(1, Math.min(ceiling <= 0 ? Long.MAX_VALUE : ceiling, max.toMillis()));
    // "Equal jitter": half fixed so waits grow, half random so tasks that failed together spread out.
    long jittered = capped / 2 + (long) (random.nextDouble() * (capped - capped / 2));
    if (retryAfter != null) {
      long asked = Math.min(retryAfter.toMillis(), retryAfterMax.toMillis());
      jittered = Math.max(jittered, asked);
    }
    return Duration.ofMillis(jittered);
  }

  public int maxRetries() {
    return maxRetries;
  }
}
