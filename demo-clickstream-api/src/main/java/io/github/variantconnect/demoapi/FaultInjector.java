package io.github.variantconnect.demoapi;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which faults hit a request. Draw n uses its own stream of the seeded random, and every
 * draw takes the same numbers whatever the rates, so the same seed and request order give the
 * same faults. At most one of redirect, 429 and 5xx applies; the rest can combine with success.
 */
final class FaultInjector {
  private static final long FAULT_STREAM = 31;

  /**
   * @param serverErrorStatus 500 or 503, or 0 for none
   */
  record FaultPlan(boolean redirect, boolean tooManyRequests, int serverErrorStatus,
      boolean slow, boolean truncate, boolean oversize) {}

  private final long seed;
  private final AtomicLong draws = new AtomicLong();

  FaultInjector(long seed) {
    this.seed = seed;
  }

  FaultPlan plan(Faults faults, boolean redirectRequested) {
    SeededRandom random = SeededRandom.forStream(seed, FAULT_STREAM, draws.getAndIncrement());
    double redirect = random.nextDouble();
    double tooMany = random.nextDouble();
    double error = random.nextDouble();
    double errorKind = random.nextDouble();
    double slow = random.nextDouble();
    double truncate = random.nextDouble();
    double oversize = random.nextDouble();
    if (redirectRequested || redirect < faults.redirectRate()) {
      return new FaultPlan(true, false, 0, false, false, false);
    }
    if (tooMany < faults.tooManyRequestsRate()) {
      return new FaultPlan(false, true, 0, false, false, false);
    }
    if (error < faults.errorRate()) {
      return new FaultPlan(false, false, errorKind < 0.5 ? 500 : 503, false, false, false);
    }
    return new FaultPlan(false, false, 0, slow < faults.slowRate(),
        truncate < faults.truncateRate(), oversize < faults.oversizeRate());
  }
}
