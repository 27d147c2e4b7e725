package io.github.variantconnect.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.http.config.ResilienceSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(new ResilienceSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
      5, Duration.ofMillis(100), Duration.ofSeconds(2), Set.of(429, 503), Duration.ofSeconds(10), 0, 1024, null), new Random(7));

  private static Failure status(int status, Duration retryAfter) {
    return new Failure(Failure.Kind.STATUS, status, "", retryAfter);
  }

  @Test
  void backoffGrowsWithJitterUpToTheMaximum() {
    for (int retry = 1; retry <= 5; retry++) {
      long ceiling = Math.min(100L << (retry - 1), 2000);
      Duration delay = policy.delayBefore(retry, status(503, null));
      assertThat(delay.toMillis()).as("retry %s", retry).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void theBudgetEndsRetries() {
    assertThat(policy.delayBefore(6, status(503, null))).isNull();
  }

  @Test
  void retryAfterIsHonouredUpToItsCap() {
    assertThat(policy.delayBefore(1, status(429, Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delayBefore(1, status(429, Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void onlyConfiguredStatusesAndTransientFailuresAreRetried() {
    assertThat(policy.delayBefore(1, status(404, null))).isNull();
    assertThat(policy.delayBefore(1, new Failure(Failure.Kind.IO, 0, "reset", null))).isNotNull();
    assertThat(policy.delayBefore(1, new Failure(Failure.Kind.BAD_BODY, 200, "cut", null))).isNotNull();
    assertThat(policy.delayBefore(1, new Failure(Failure.Kind.REFUSED, 0, "other host", null))).isNull();
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-01-05T07:30:00Z");
    assertThat(RetryAfter.parse("7", now)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Mon, 05 Jan 2026 07:30:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("soon", now)).isNull();
    assertThat(RetryAfter.parse(null, now)).isNull();
  }
}
