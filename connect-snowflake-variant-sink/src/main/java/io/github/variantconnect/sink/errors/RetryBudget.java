package io.github.variantconnect.sink.errors;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Backoff and budget for target outages: waits start at {@code target.retry.backoff.ms}, double up
 * to {@link #MAX_BACKOFF_MS} with ±20 % jitter (tasks sharing a file do not retry in lockstep),
 * and the outage may last {@code target.retry.timeout.ms} before the task gives up. An outage that
 * begins with the store merely busy (a reader holding a DuckDB file for milliseconds) starts at
 * {@link #BUSY_BACKOFF_MS} instead and doubles only up to {@link #BUSY_MAX_BACKOFF_MS} for as long as
 * every failure is such: a reader's lock costs a flush tens of milliseconds, not half a second, and
 * a flush waiting out a longer hold (a refresh of the views' mirror) gets the file within a tenth of
 * a second of its release rather than after a doubled wait. Trying a held lock costs next to
 * nothing; a lock that outlasts the budget still fails the task. Any other failure during the
 * outage resumes the doubling to {@link #MAX_BACKOFF_MS}.
 */
public final class RetryBudget {

  static final long MAX_BACKOFF_MS = 10_000;
  static final long BUSY_BACKOFF_MS = 20;
  static final long BUSY_MAX_BACKOFF_MS = 100;

  private final long initialMs;
  private final long budgetMs;
  private long failingSinceMs = -1;
  private long nextBackoffMs;
  private long nextAttemptAtMs;
  private int failures;
  private boolean onlyBusy;

  public RetryBudget(Duration initial, Duration budget) {
    this.initialMs = initial.toMillis();
    this.budgetMs = budget.toMillis();
    this.nextBackoffMs = initialMs;
  }

  public boolean failing() {
    return failingSinceMs >= 0;
  }

  /**
   * Records a failure at {@code nowMs} and returns the wait before the next attempt, or -1 when the
   * outage has outlasted the budget.
   */
  public long onFailure(long nowMs) {
    return onFailure(nowMs, false);
  }

  /** As {@link #onFailure(long)}; {@code busy} when the store is only held by someone else for a moment. */
  public long onFailure(long nowMs, boolean busy) {
    if (failingSinceMs < 0) {
      failingSinceMs = nowMs;
      nextBackoffMs = busy ? Math.min(initialMs, BUSY_BACKOFF_MS) : initialMs;
      onlyBusy = true;
    }
    onlyBusy &= busy;
    failures++;
    if (nowMs - failingSinceMs >= budgetMs) {
      return -1;
    }
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    long wait = Math.max(1, Math.min((long) (nextBackoffMs * jitter), failingSinceMs + budgetMs - nowMs));
    long ceiling = onlyBusy ? BUSY_MAX_BACKOFF_MS : MAX_BACKOFF_MS;
    nextBackoffMs = Math.min(ceiling, nextBackoffMs * 2);
    nextAttemptAtMs = nowMs + wait;
    return wait;
  }

  public void onSuccess() {
    failingSinceMs = -1;
    failures = 0;
    nextBackoffMs = initialMs;
  }

  public long nextAttemptAtMs() {
    return nextAttemptAtMs;
  }

  public int failures() {
    return failures;
  }

  public long failingForMs(long nowMs) {
    return failingSinceMs < 0 ? 0 : nowMs - failingSinceMs;
  }

  public long budgetMs() {
    return budgetMs;
  }
}
