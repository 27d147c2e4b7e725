package io.github.variantconnect.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void unlimitedPermitsEverything() {
    TokenBucket limiter = new TokenBucket(0, 0);
    assertThat(limiter.permits(5000, 0)).isEqualTo(5000);
    assertThat(limiter.millisUntilPermit(0)).isZero();
  }

  @Test
  void permitsTheConfiguredRateOverTime() {
    TokenBucket limiter = new TokenBucket(100, 0);
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
    TokenBucket limiter = new TokenBucket(100, 0);
    assertThat(limiter.permits(10_000, 60 * SECOND)).isEqualTo(100);
  }

  @Test
  void saysHowLongUntilTheNextPermit() {
    TokenBucket limiter = new TokenBucket(10, 0);
    limiter.consume(limiter.permits(100, 0));
    assertThat(limiter.millisUntilPermit(0)).isBetween(1L, 100L);
    assertThat(limiter.millisUntilPermit(SECOND / 10)).isZero();
  }

  @Test
  void tryAcquireTakesOnePermitAtATime() {
    TokenBucket bucket = new TokenBucket(2, 0);
    assertThat(bucket.tryAcquire(0)).isTrue();
    assertThat(bucket.tryAcquire(0)).isFalse();
    assertThat(bucket.nanosUntilPermit(0)).isEqualTo(SECOND / 2);
    assertThat(bucket.tryAcquire(SECOND / 2)).isTrue();
  }
}
