package io.github.variantconnect.sink.target.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.TargetException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectBudgetTest {

  private static final String CAUSE = "the account host nowhere.snowflakecomputing.com does not resolve";
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final CountDownLatch never = new CountDownLatch(1);
  private ConnectBudget budget;

  @AfterEach
  void release() {
    never.countDown();
    if (budget != null) {
      budget.close();
    }
  }

  private ConnectBudget budget(Duration total, Duration warnAfter, AtomicLong time) {
    budget = new ConnectBudget(total, warnAfter, () -> CAUSE, warnings::add, time::get);
    return budget;
  }

  @Test
  void aLoginThatHangsWarnsWithTheCauseAndThenFailsTheTaskWithWhatToFix() {
    ConnectBudget hanging = new ConnectBudget(Duration.ofMillis(300), Duration.ofMillis(50), () -> CAUSE,
        warnings::add, System::currentTimeMillis);
    budget = hanging;

    assertThatThrownBy(() -> hanging.call("logging in", () -> {
      never.await();
      return "never";
    }, e -> TargetException.retriable(e.getMessage(), e)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_UNREACHABLE);
          assertThat(e.getMessage()).contains("logging in did not finish").contains(CAUSE);
        });
    assertThat(warnings).singleElement().asString().contains("logging in has not finished").contains(CAUSE)
        .contains("snowflake.connect.budget.ms=300");
  }

  @Test
  void retriableFailuresStayRetriableUntilTheBudgetIsSpentThenFailNamingTheCause() throws Exception {
    ConnectBudget b = budget(Duration.ofSeconds(60), Duration.ofSeconds(20), clock);
    ConnectBudget.Attempt<String> unknownHost = () -> {
      throw new UnknownHostException("nowhere.snowflakecomputing.com");
    };
    ConnectBudget.Classifier classify = e -> TargetException.retriable("login failed: " + e, e);

    assertThatThrownBy(() -> b.call("logging in", unknownHost, classify))
        .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.retriable()).isTrue());
    clock.addAndGet(30_000);
    assertThatThrownBy(() -> b.call("logging in", unknownHost, classify))
        .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.retriable()).isTrue());
    clock.addAndGet(31_000);
    assertThatThrownBy(() -> b.call("logging in", unknownHost, classify))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_UNREACHABLE);
          assertThat(e.getMessage()).contains("kept failing for 61 s").contains(CAUSE);
        });
  }

  @Test
  void anAttemptAfterTheBudgetRanOutStillEndsWithItsOwnFailure() {
    ConnectBudget b = budget(Duration.ofSeconds(60), Duration.ofSeconds(20), clock);
    CountDownLatch attempted = new CountDownLatch(1);
    ConnectBudget.Classifier classify = e -> TargetException.retriable("login failed: " + e.getMessage(), e);
    assertThatThrownBy(() -> b.call("logging in", () -> {
      throw new UnknownHostException("nowhere.snowflakecomputing.com");
    }, classify)).isInstanceOf(TargetException.class);
    clock.addAndGet(61_000);

    // The failure arrives only once the caller is already waiting: a wait of a millisecond misses it.
    assertThatThrownBy(() -> b.call("logging in", () -> {
      attempted.countDown();
      Thread.sleep(50);
      throw new UnknownHostException("nowhere.snowflakecomputing.com");
    }, classify))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_UNREACHABLE);
          assertThat(e.getMessage()).contains("kept failing for 61 s", "login failed: nowhere.snowflakecomputing.com");
        });
    assertThat(attempted.getCount()).isZero();
  }

  @Test
  void aSuccessStartsTheBudgetAfresh() throws Exception {
    ConnectBudget b = budget(Duration.ofSeconds(60), Duration.ofSeconds(20), clock);
    ConnectBudget.Classifier classify = e -> TargetException.retriable("io", e);
    assertThatThrownBy(() -> b.call("x", () -> {
      throw new IOException("reset");
    }, classify)).isInstanceOf(TargetException.class);
    clock.addAndGet(50_000);
    assertThat(b.call("x", () -> "ok", classify)).isEqualTo("ok");
    clock.addAndGet(50_000);
    assertThatThrownBy(() -> b.call("x", () -> {
      throw new IOException("reset");
    }, classify)).isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.retriable()).isTrue());
  }

  @Test
  void aRefusedKeyFailsAtOnceWithTheLoginCode() {
    ConnectBudget b = budget(Duration.ofSeconds(60), Duration.ofSeconds(20), clock);
    JdbcConnector refused = () -> {
      throw new SQLException("JWT token is invalid", "08001", 390144);
    };

    assertThatThrownBy(() -> b.jdbc("logging in", refused).open())
        .isInstanceOfSatisfying(ConnectBudget.Exceeded.class, e -> {
          TargetException failure = SnowflakeErrors.classify("opening", e);
          assertThat(failure.retriable()).isFalse();
          assertThat(failure.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
          assertThat(failure.getMessage()).contains("390144");
        });
    assertThat(warnings).isEmpty();
  }

  @Test
  void theProbeNamesAHostThatDoesNotResolve() {
    assertThat(ConnectBudget.probe("no-such-account.invalid", 443)).contains("does not resolve")
        .contains("snowflake.url.name");
  }
}
