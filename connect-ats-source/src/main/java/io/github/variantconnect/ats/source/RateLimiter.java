package io.github.variantconnect.ats.source;

/**
 * A token bucket for {@code max.events.per.second}: refills continuously, holds at most one second
 * of tokens so a pause does not turn into a burst.
 */
public final class RateLimiter {

  private final double perSecond;
  private double tokens;
  private long lastNanos;

  public RateLimiter(double perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.lastNanos = nowNanos;
    this.tokens = Math.min(perSecond, 1.0);
  }

  public boolean unlimited() {
    return perSecond <= 0;
  }

  /** How many of {@code wanted} events may go now. */
  public int permits(int wanted, long nowNanos) {
    if (unlimited()) {
      return wanted;
    }
    refill(nowNanos);
    return (int) Math.min(wanted, Math.floor(tokens));
  }

  public void consume(int events) {
    if (!unlimited()) {
      tokens -= events;
    }
  }

  /** Milliseconds until one more event is allowed. */
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
