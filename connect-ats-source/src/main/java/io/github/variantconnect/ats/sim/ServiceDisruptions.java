package io.github.variantconnect.ats.sim;

/**
 * Random incidents and faults, each a Poisson process per train drawn from the train's own random
 * source. An incident (door fault, passenger alarm, signal check) delays a train for a few minutes:
 * held at its platform if it is in one, otherwise slowed to 25 km/h. A fault takes the train out of
 * service at the next platform; it is detrained, withdrawn and returns after repair.
 */
final class ServiceDisruptions {

  private static final double DAY_S = 86_400;
  private static final double MIN_DELAY_S = 60;
  private static final double MAX_DELAY_S = 300;
  private static final double MIN_REPAIR_S = 20 * 60;
  private static final double MAX_REPAIR_S = 90 * 60;

  private final double meanIncidentGapS;
  private final double meanFaultGapS;

  ServiceDisruptions(SimulationSettings settings) {
    meanIncidentGapS = meanGap(settings.incidentsPerTrainPerDay());
    meanFaultGapS = meanGap(settings.outOfServicePerTrainPerDay());
  }

  private static double meanGap(double perDay) {
    return perDay > 0 ? DAY_S / perDay : Double.POSITIVE_INFINITY;
  }

  void scheduleFirst(TrainState t, double now) {
    t.nextIncidentAt = now + t.random.exponential(meanIncidentGapS);
    t.nextFaultAt = now + t.random.exponential(meanFaultGapS);
  }

  /** Applies whatever has fallen due for the train at {@code now}. */
  void apply(TrainState t, double now, StationOperations stations) {
    boolean inService = t.service == TrainState.Service.IN_SERVICE;
    if (now >= t.nextIncidentAt) {
      t.nextIncidentAt = now + t.random.exponential(meanIncidentGapS);
      if (inService) {
        delay(t, now, t.random.uniform(MIN_DELAY_S, MAX_DELAY_S));
      }
    }
    if (now >= t.nextFaultAt) {
      // The next fault is drawn when the train is back in service.
      t.nextFaultAt = Double.POSITIVE_INFINITY;
      if (inService && t.atPlatform) {
        stations.detrain(t, now);
      } else if (inService) {
        t.faultPending = true;
      }
    }
  }

  private static void delay(TrainState t, double now, double durationS) {
    t.delayedUntil = Math.max(t.delayedUntil, now + durationS);
    if (t.atPlatform) {
      t.departAt = Math.max(t.departAt, t.delayedUntil);
    } else {
      t.slowedUntil = t.delayedUntil;
    }
  }

  double repairTime(TrainState t) {
    return t.random.uniform(MIN_REPAIR_S, MAX_REPAIR_S);
  }

  void afterRejoin(TrainState t, double now) {
    t.nextFaultAt = now + t.random.exponential(meanFaultGapS);
  }
}
