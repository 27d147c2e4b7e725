package io.github.variantconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitsTest {

  private static final Duration SHORT = Duration.ofSeconds(1);
  private static final Duration LONG = Duration.ofSeconds(30);

  @Test
  void untilReturnsOnceTheConditionHolds() {
    AtomicInteger polls = new AtomicInteger();
    Awaits.until(LONG, "three polls", () -> polls.incrementAndGet() >= 3);
    assertThat(polls).hasValue(3);
  }

  @Test
  void aConditionThatThrowsIsPolledAgain() {
    AtomicInteger polls = new AtomicInteger();
    Awaits.until(LONG, "a service that is up on the third try", () -> {
      if (polls.incrementAndGet() < 3) {
        throw new IllegalStateException("not up yet");
      }
      return true;
    });
    assertThat(polls).hasValue(3);
  }

  @Test
  void aTimeoutReportsTheLastAssertionFailure() {
    AtomicInteger polls = new AtomicInteger();
    assertThatThrownBy(() -> Awaits.until(SHORT, "rows in the table", () -> {
      assertThat(polls.incrementAndGet()).as("rows after poll %d", polls.get()).isGreaterThan(1_000);
      return true;
    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rows in the table")
        .hasMessageContaining("last attempt failed")
        .hasMessageContaining("to be greater than")
        .cause()
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rows after poll " + polls.get());
  }

  @Test
  void aTimeoutWithoutFailureNamesTheWaitAndTheLastValue() {
    assertThatThrownBy(() -> Awaits.value(SHORT, "the answer", () -> 41, v -> v == 42))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("waiting for the answer")
        .hasMessageContaining("last value: 41")
        .hasNoCause();
  }

  @Test
  void aSuccessAfterFailuresForgetsThem() {
    AtomicInteger polls = new AtomicInteger();
    assertThatThrownBy(() -> Awaits.value(SHORT, "a value after one failure", () -> {
      if (polls.incrementAndGet() == 1) {
        throw new IllegalStateException("first poll fails");
      }
      return "wrong";
    }, "right"::equals))
        .hasMessageContaining("last value: wrong")
        .hasNoCause();
  }

  @Test
  void valueReturnsTheFirstAcceptedValue() {
    AtomicInteger polls = new AtomicInteger();
    int value = Awaits.value(LONG, "an even number above 4", polls::incrementAndGet, v -> v > 4 && v % 2 == 0);
    assertThat(value).isEqualTo(6);
  }
}
