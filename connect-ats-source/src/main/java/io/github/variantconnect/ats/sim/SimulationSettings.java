package io.github.variantconnect.ats.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything besides the network that a simulation run depends on.
 *
 * @param seed seeds every random source, combined with the line or train id
 * @param tick simulated time between two telemetry events of a train
 * @param passengerAlertThreshold OVERCROWDING when a train carries more passengers than this
 * @param powerAlertThresholdKw HIGH_POWER when a train draws more than this
 * @param incidentsPerTrainPerDay mean rate of incidents that delay a train for a few minutes
 * @param outOfServicePerTrainPerDay mean rate of faults that take a train out of service for a while
 */
public record SimulationSettings(
    long seed,
    Duration tick,
    int passengerAlertThreshold,
    double powerAlertThresholdKw,
    double incidentsPerTrainPerDay,
    double outOfServicePerTrainPerDay) {

  public static final Duration DEFAULT_TICK = Duration.ofSeconds(30);
  public static final int DEFAULT_PASSENGER_ALERT_THRESHOLD = 600;
  public static final double DEFAULT_POWER_ALERT_THRESHOLD_KW = 150.0;
  /** About one incident per train per shift: door faults, passenger alarms, signal checks. */
  public static final double DEFAULT_INCIDENTS_PER_TRAIN_PER_DAY = 1.5;
  /** About one withdrawal per train per two weeks, so a default day sees a handful across the fleet. */
  public static final double DEFAULT_OUT_OF_SERVICE_PER_TRAIN_PER_DAY = 0.07;
  /** Longer ticks would make the event stream too coarse to show a train's run between stations. */
  public static final Duration MAX_TICK = Duration.ofHours(1);

  public SimulationSettings {
    Objects.requireNonNull(tick, "tick");
    if (tick.isNegative() || tick.isZero() || tick.compareTo(MAX_TICK) > 0) {
      throw new IllegalArgumentException("tick must be within (0, 1 h], got " + tick);
    }
    if (tick.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("tick must be a whole number of milliseconds, got " + tick);
    }
    if (passengerAlertThreshold < 0) {
      throw new IllegalArgumentException("passengerAlertThreshold must be >= 0");
    }
    if (!Double.isFinite(powerAlertThresholdKw)) {
      throw new IllegalArgumentException("powerAlertThresholdKw must be finite");
    }
    checkRate("incidentsPerTrainPerDay", incidentsPerTrainPerDay);
    checkRate("outOfServicePerTrainPerDay", outOfServicePerTrainPerDay);
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0) || rate > 10_000) {
      throw new IllegalArgumentException(name + " must be within [0, 10000], got " + rate);
    }
  }

  /** 30 s ticks, alerts above 600 passengers and 150 kW, and the default incident rates. */
  public static SimulationSettings defaults(long seed) {
    return new SimulationSettings(seed, DEFAULT_TICK, DEFAULT_PASSENGER_ALERT_THRESHOLD,
        DEFAULT_POWER_ALERT_THRESHOLD_KW, DEFAULT_INCIDENTS_PER_TRAIN_PER_DAY,
        DEFAULT_OUT_OF_SERVICE_PER_TRAIN_PER_DAY);
  }

  public SimulationSettings withSeed(long newSeed) {
    return new SimulationSettings(newSeed, tick, passengerAlertThreshold, powerAlertThresholdKw,
        incidentsPerTrainPerDay, outOfServicePerTrainPerDay);
  }

  public SimulationSettings withTick(Duration newTick) {
    return new SimulationSettings(seed, newTick, passengerAlertThreshold, powerAlertThresholdKw,
        incidentsPerTrainPerDay, outOfServicePerTrainPerDay);
  }

  public SimulationSettings withIncidentRates(double incidentsPerDay, double outOfServicePerDay) {
    return new SimulationSettings(seed, tick, passengerAlertThreshold, powerAlertThresholdKw,
        incidentsPerDay, outOfServicePerDay);
  }
}
