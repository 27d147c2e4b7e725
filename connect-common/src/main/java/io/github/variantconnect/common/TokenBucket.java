package io.github.variantconnect.common;

/**
 * A rate limit as a token bucket: refills continuously and holds at most one second of tokens, so
 * an idle spell does not turn into a burst. A rate of zero or less means unlimited. Time is passed
 * in, in nanoseconds, so callers and tests own the clock.
 */
public final class TokenBucket {

  private final double perSecond;
  private double tokens;
  private long lastNanos;

  public TokenBucket(double perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.lastNanos = nowNanos;
    this.tokens = Math.min(perSecond, 1.0);
  }

  public boolean unlimited() {
    return perSecond <= 0;
  }

  /** How many of {@code wanted} permits are free now; take them with {@link #consume}. */
  public int permits(int wanted, long nowNanos) {
    if (unlimited()) {
      return wanted;
    }
    refill(nowNanos);
    return (int) Math.min(wanted, Math.floor(tokens));
  }

  public void consume(int permits) {
    if (!unlimited()) {
      tokens -= permits;
    }
  }

  /** Takes one permit if one is free. */
  public boolean tryAcquire(long nowNanos) {
    if (unlimited()) {
      return true;
    }
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Nanoseconds until one more permit is free. */
  public long nanosUntilPermit(long nowNanos) {
    if (unlimited()) {
      return 0;
    }
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 1e9 / perSecond);
  }

  /** Milliseconds until one more permit is free, rounded up. */
  public long millisUntilPermit(long nowNanos) {
    if (unlimited()) {
      return 0;
    }
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 1000 / perSecond);
  }

  private void refill(long nowNanos) {
    tokens = Math.min(Math.max(perSecond, 1.0), tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
    lastNanos = nowNanos;
  }
}
