package io.github.variantconnect.sink.target.snowflake.hpa;

import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.TargetException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long the target keeps trying to reach Snowflake before it gives up. Each failed attempt is
 * retriable (the core logs it as a WARN with its cause, so a wrong account shows within one call
 * timeout); once failures have lasted past the budget the next one is fatal and fails the task
 * with the cause in its trace. A success starts the budget afresh.
 */
final class ConnectBudget {

  private final Duration budget;
  private final LongSupplier clock;
  private long failingSince = -1;

  ConnectBudget(Duration budget, LongSupplier clock) {
    this.budget = budget;
    this.clock = clock;
  }

  void succeeded() {
    failingSince = -1;
  }

  /** The failure to throw: as it is within the budget, fatal past it. */
  TargetException failed(TargetException e) {
    if (!e.retriable()) {
      return e;
    }
    long now = clock.getAsLong();
    if (failingSince < 0) {
      failingSince = now;
      return e;
    }
    if (now - failingSince < budget.toMillis()) {
      return e;
    }
    SinkErrorCode code = e.code() != null ? e.code() : SinkErrorCode.TARGET_UNAVAILABLE;
    return TargetException.fatal(code, "gave up after snowflake.connect.budget.seconds=" + budget.toSeconds()
        + ": " + e.getMessage(), e);
  }
}
