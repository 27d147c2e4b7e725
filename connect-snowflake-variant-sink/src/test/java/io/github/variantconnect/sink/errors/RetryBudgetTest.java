package io.github.variantconnect.sink.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  @Test
  void backoffGrowsWithJitterUntilTheBudgetIsSpent() {
    RetryBudget budget = new RetryBudget(Duration.ofMillis(100), Duration.ofSeconds(30));

    long first = budget.onFailure(0);
    long second = budget.onFailure(first);
    assertThat(first).isBetween(80L, 120L);
    assertThat(second).isBetween(160L, 240L);
    assertThat(budget.failing()).isTrue();
    assertThat(budget.nextAttemptAtMs()).isEqualTo(first + second);

    long now = first + second;
    for (int i = 0; i < 20 && now < 30_000; i++) {
      long wait = budget.onFailure(now);
      assertThat(wait).isBetween(1L, RetryBudget.MAX_BACKOFF_MS * 6 / 5);
      now += wait;
    }
    assertThat(budget.onFailure(30_000)).isEqualTo(-1);
  }

  @Test
  void anOutageThatBeginsBusyStartsWithAShortWaitAndStillBacksOffWithinTheBudget() {
    RetryBudget budget = new RetryBudget(Duration.ofMillis(500), Duration.ofSeconds(30));

    long first = budget.onFailure(0, true);
    long second = budget.onFailure(first, true);
    assertThat(first).isBetween(16L, 24L);
    assertThat(second).isBetween(32L, 48L);

    long now = first + second;
    for (int i = 0; i < 30 && now < 30_000; i++) {
      now += budget.onFailure(now, true);
    }
    assertThat(budget.onFailure(30_000, true)).isEqualTo(-1);
    budget.onSuccess();
    assertThat(budget.onFailure(40_000, false)).isBetween(400L, 600L);
  }

  @Test
  void whileOnlyBusyTheWaitsStayShortUntilTheBudgetAndAnyOtherFailureResumesTheLongBackoff() {
    RetryBudget budget = new RetryBudget(Duration.ofMillis(500), Duration.ofSeconds(30));
    long now = 0;
    for (int i = 0; i < 40; i++) {
      long wait = budget.onFailure(now, true);
      assertThat(wait).as("attempt %d", i).isBetween(1L, RetryBudget.BUSY_MAX_BACKOFF_MS * 6 / 5);
      now += wait;
    }
    long grown = 0;
    for (int i = 0; i < 6; i++) {
      grown = budget.onFailure(now, i > 0);
      now += grown;
    }
    assertThat(grown).as("after a failure that was not a lock").isGreaterThan(RetryBudget.BUSY_MAX_BACKOFF_MS * 6 / 5);
    assertThat(budget.onFailure(30_000, true)).isEqualTo(-1);
  }

  @Test
  void aBusyStoreNeverWaitsLongerThanTheConfiguredFirstBackoff() {
    assertThat(new RetryBudget(Duration.ofMillis(10), Duration.ofSeconds(1)).onFailure(0, true)).isBetween(8L, 12L);
  }

  @Test
  void successResetsTheBudget() {
    RetryBudget budget = new RetryBudget(Duration.ofMillis(100), Duration.ofSeconds(1));
    budget.onFailure(0);
    budget.onFailure(900);
    budget.onSuccess();

    assertThat(budget.failing()).isFalse();
    assertThat(budget.onFailure(5000)).isBetween(80L, 120L);
  }

  @Test
  void aZeroBudgetGivesUpAtTheFirstFailure() {
    assertThat(new RetryBudget(Duration.ofMillis(100), Duration.ZERO).onFailure(0)).isEqualTo(-1);
  }
}
