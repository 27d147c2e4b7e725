package io.github.variantconnect.http.client;

/**
 * {@code http.max.requests.per.second}: a token bucket holding at most one second of requests, so an
 * idle spell does not turn into a burst.
 */
public final class RequestRateLimiter {

  private final double perSecond;
  private double tokens;
  private long lastNanos;

  public RequestRateLimiter(double perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.lastNanos = nowNanos;
    this.tokens = Math.min(perSecond, 1.0);
  }

  /** Takes a permit if one is free. */
  public boolean tryAcquire(long nowNanos) {
    if (perSecond <= 0) {
      return true;
    }
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Nanoseconds until a permit is free. */
  public long nanosUntilPermit(long nowNanos) {
    if (perSecond <= 0) {
      return 0;
    }
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 1e9 / perSecond);
  }

  private void refill(long nowNanos) {
    tokens = Math.min(Math.max(perSecond, 1.0), tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
    lastNanos = nowNanos;
  }
}
