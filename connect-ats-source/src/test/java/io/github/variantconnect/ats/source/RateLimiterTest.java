package io.github.variantconnect.ats.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void unlimitedPermitsEverything() {
    RateLimiter limiter = new RateLimiter(0, 0);
    assertThat(limiter.permits(5000, 0)).isEqualTo(5000);
    assertThat(limiter.millisUntilPermit(0)).isZero();
  }

  @Test
  void permitsTheConfiguredRateOverTime() {
    RateLimiter limiter = new RateLimiter(100, 0);
    int sent = 0;
    for (long t = 0; t <= 10 * SECOND; t += SECOND / 10) {
      int n = limiter.permits(1000, t);
      limiter.consume(n);
      sent += n;
    }
    assertThat(sent).isBetween(990, 1010);
  }

  @Test
  void aLongPauseDoesNotBecomeABurst() {
    RateLimiter limiter = new RateLimiter(100, 0);
    assertThat(limiter.permits(10_000, 60 * SECOND)).isEqualTo(100);
  }

  @Test
  void saysHowLongUntilTheNextPermit() {
    RateLimiter limiter = new RateLimiter(10, 0);
    limiter.consume(limiter.permits(100, 0));
    assertThat(limiter.millisUntilPermit(0)).isBetween(1L, 100L);
    assertThat(limiter.millisUntilPermit(SECOND / 10)).isZero();
  }
}
