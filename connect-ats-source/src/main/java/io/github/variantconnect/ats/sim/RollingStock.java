package io.github.variantconnect.ats.sim;

/**
 * The vehicle every line runs: a four-car, steel-bodied metro train of about 80 m, and its traction
 * and power model.
 *
 * <p>The numbers are those of a typical 1.5 kV DC metro unit: 140 t tare, 1100 passengers at crush
 * load (6 standees/m²), 200 kN starting effort limited to 1.1 m/s² by the ATO for comfort, and 1.6 MW
 * at the wheel, so the train motors at constant power above about 30 km/h. Running resistance is a
 * Davis equation {@code A + B·v + C·v²}. Power is what the train draws from the supply at an instant:
 * wheel power divided by the drive-chain efficiency while motoring, minus what regenerative braking
 * returns while braking, plus the auxiliaries (HVAC, compressors, lighting), which run even when stopped.
 *
 * <p>Calibration: these figures make a cruising train draw roughly 100–170 kW and an accelerating one
 * about 1–1.9 MW, which is what real metro trains do. The simulator's 150 kW HIGH_POWER alert therefore
 * fires while a train accelerates or holds a high line speed; the ATO profile in {@link TrainDriver}
 * (eco cruise speeds, coasting) keeps that to the few percent of ticks that real operations show.
 */
final class RollingStock {

  static final RollingStock METRO_4_CAR = new RollingStock();

  /** Crush capacity, the {@code capacity} of every snapshot. */
  static final int CAPACITY = 1100;

  private static final double TARE_MASS_KG = 140_000;
  private static final double PASSENGER_MASS_KG = 75;
  /** Rotating wheelsets and motors add inertia equivalent to about 8 % of the mass. */
  private static final double ROTARY_ALLOWANCE = 1.08;
  private static final double MAX_TRACTIVE_EFFORT_N = 200_000;
  private static final double MAX_WHEEL_POWER_W = 1_600_000;
  /** The ATO caps acceleration for standing passengers' comfort. */
  private static final double MAX_COMMANDED_ACCELERATION = 1.1;
  /** Davis A per tonne (bearing and rolling resistance grow with the load). */
  private static final double DAVIS_A_N_PER_TONNE = 13.0;
  private static final double DAVIS_B_N_PER_MPS = 40.0;
  /** Aerodynamic term of an 80 m, 10 m² frontal-area train in open air. */
  private static final double DAVIS_C_N_PER_MPS2 = 6.0;
  /** Supply to wheel: inverter, motors and gearbox. */
  private static final double DRIVE_EFFICIENCY = 0.86;
  /**
   * Share of the braking power at the wheel that gets back into the supply: drive losses plus the
   * chance that no other train is nearby to take the energy (line receptivity).
   */
  private static final double REGENERATION_SHARE = 0.65;
  /** Below this speed the motors cannot brake electrically and the friction brakes take over. */
  private static final double REGEN_FADE_OUT_MPS = 1.0;
  private static final double REGEN_FULL_MPS = 3.0;
  private static final double AUXILIARY_W = 45_000;
  /** A withdrawn train keeps batteries, lighting and cab electronics alive, nothing else. */
  private static final double STANDBY_W = 10_000;

  private RollingStock() {}

  int capacity() {
    return CAPACITY;
  }

  double massKg(int passengers) {
    return TARE_MASS_KG + passengers * PASSENGER_MASS_KG;
  }

  /** Running resistance on level track at speed {@code v} (m/s), in newtons. */
  double resistanceN(double v, double massKg) {
    if (v <= 0) {
      return 0;
    }
    return DAVIS_A_N_PER_TONNE * massKg / 1000 + DAVIS_B_N_PER_MPS * v + DAVIS_C_N_PER_MPS2 * v * v;
  }

  /** Best acceleration the drive can give at speed {@code v}: constant effort, then constant power. */
  double maxAcceleration(double v, int passengers) {
    double mass = massKg(passengers);
    double effort = v > 0 ? Math.min(MAX_TRACTIVE_EFFORT_N, MAX_WHEEL_POWER_W / v) : MAX_TRACTIVE_EFFORT_N;
    double a = (effort - resistanceN(v, mass)) / (mass * ROTARY_ALLOWANCE);
    return Math.min(MAX_COMMANDED_ACCELERATION, Math.max(0, a));
  }

  /** Deceleration of a coasting train: running resistance alone. */
  double coastingDeceleration(double v, int passengers) {
    double mass = massKg(passengers);
    return resistanceN(v, mass) / (mass * ROTARY_ALLOWANCE);
  }

  /**
   * Power drawn from the supply, in kW, for a train at speed {@code v} (m/s) with acceleration
   * {@code a} (m/s²). Negative only while braking fast enough for regeneration to beat the auxiliaries.
   */
  double powerKw(double v, double a, Motion motion, int passengers) {
    double mass = massKg(passengers);
    double force = mass * ROTARY_ALLOWANCE * a + resistanceN(v, mass);
    double traction;
    switch (motion) {
      case ACCELERATING, CRUISING -> traction = Math.min(MAX_WHEEL_POWER_W, Math.max(0, force) * v)
          / DRIVE_EFFICIENCY;
      case BRAKING -> {
        double brakingAtWheel = Math.min(MAX_WHEEL_POWER_W, Math.max(0, -force) * v);
        traction = -brakingAtWheel * REGENERATION_SHARE * regenerationAvailability(v);
      }
      default -> traction = 0;
    }
    return (traction + AUXILIARY_W) / 1000;
  }

  /** Power of a train withdrawn from service, in kW. */
  double standbyPowerKw() {
    return STANDBY_W / 1000;
  }

  private static double regenerationAvailability(double v) {
    if (v <= REGEN_FADE_OUT_MPS) {
      return 0;
    }
    return Math.min(1, (v - REGEN_FADE_OUT_MPS) / (REGEN_FULL_MPS - REGEN_FADE_OUT_MPS));
  }
}
