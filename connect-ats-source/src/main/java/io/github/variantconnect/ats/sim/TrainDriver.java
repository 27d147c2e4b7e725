package io.github.variantconnect.ats.sim;

/**
 * The ATO of a train running between stops: one call moves a train by one time step.
 *
 * <p>Each step the driver works out the highest speed that is still safe: the civil limit here, and
 * braking curves to the next stop, to the end of its movement authority (the first block ahead held by
 * another train) and to every lower speed zone ahead. Below that ceiling it follows an energy-saving
 * profile: accelerate to an eco cruise speed that grows with the length of the run, hold it, then cut
 * traction and coast once the stop is near, and brake on the curve.
 *
 * <p>The braking curves are the discrete-time ones: with position advanced by {@code v·dt}, the cap
 * {@code v = -b·dt + sqrt((b·dt)² + v_end² + 2·b·d)} guarantees the train can still reach {@code v_end}
 * after distance {@code d}, and never crosses into a slower zone (or past a stop, or into an occupied
 * block) faster than allowed. So speed never exceeds the limit at the train's position and a train
 * never enters a held block, by construction rather than by a correction afterwards.
 */
final class TrainDriver {

  /** Service brake rate the ATO plans with, m/s². */
  static final double SERVICE_BRAKE = 0.9;
  /** The ATO cruises a little under the limit so speed control noise never trips overspeed. */
  private static final double CRUISE_MARGIN = 0.96;
  /**
   * Eco cruise speed is {@code sqrt(ECO_FACTOR · run length)}: about 50 km/h on a 1.3 km run, line speed
   * on long express runs. Short runs gain little time from a higher speed but cost a lot of energy.
   */
  private static final double ECO_FACTOR = 0.15;
  /**
   * Coasting starts once this share of the run is left, plus {@link #COAST_SHARE_PER_KM} per km of run
   * (up to {@link #MAX_COAST_SHARE}): on long runs coasting early costs little time and saves the most.
   */
  private static final double COAST_SHARE = 0.35;
  private static final double COAST_SHARE_PER_KM = 0.1;
  private static final double MAX_COAST_SHARE = 0.7;
  /** Resume motoring if coasting has bled the speed below this share of the cruise speed. */
  private static final double COAST_FLOOR = 0.55;
  /** An incident slows a running train to this speed, m/s (25 km/h). */
  static final double SLOWED_SPEED = 25 / 3.6;
  /** A stop counts as reached within this distance, m. */
  private static final double STOP_TOLERANCE_M = 0.1;
  /** Authority ends this far before an occupied block, m. */
  private static final double AUTHORITY_MARGIN_M = 0.001;
  private static final double LOOK_AHEAD_MARGIN_M = 30;
  /**
   * Slower than this the train stands: the braking curve to an authority limit approaches it ever more
   * slowly, and a real train would simply stop a few centimetres short.
   */
  private static final double CREEP_SPEED = 0.05;
  /** Deceleration (m/s²) up to which holding speed counts as cruising rather than braking. */
  private static final double SPEED_TRIM = 0.1;

  private final LineTrack track;
  private final BlockSignalling signalling;
  private final RollingStock stock;
  private final double dt;
  private final double[] cruiseSpeed;
  private final double[] coastFromM;
  /** Outputs of {@link #safeSpeed}, kept in fields so the per-step hot path allocates nothing. */
  private double lastStopDistance;
  private double lastAuthority;

  TrainDriver(LineTrack track, BlockSignalling signalling, RollingStock stock, double stepS) {
    this.track = track;
    this.signalling = signalling;
    this.stock = stock;
    this.dt = stepS;
    cruiseSpeed = new double[track.stopCount];
    coastFromM = new double[track.stopCount];
    double lineSpeed = track.line.speedLimitKmh() / 3.6;
    for (int k = 0; k < track.stopCount; k++) {
      double eco = Math.sqrt(ECO_FACTOR * track.approachM[k]);
      cruiseSpeed[k] = CRUISE_MARGIN * Math.min(lineSpeed, Math.max(eco, 0.5 * lineSpeed));
      double share = Math.min(MAX_COAST_SHARE, COAST_SHARE + COAST_SHARE_PER_KM * track.approachM[k] / 1000);
      coastFromM[k] = share * track.approachM[k];
    }
  }

  /** Highest discrete-time speed from which the train can reach {@code endSpeed} within {@code d}. */
  private double brakingCap(double d, double endSpeed) {
    double bdt = SERVICE_BRAKE * dt;
    return -bdt + Math.sqrt(bdt * bdt + endSpeed * endSpeed + 2 * SERVICE_BRAKE * d);
  }

  /**
   * The safe speed ceiling for a train at {@code t.s} that might reach {@code reach} this step; also
   * sets {@link #lastStopDistance} and {@link #lastAuthority}.
   */
  private double safeSpeed(TrainState t, double reach) {
    double look = reach * dt + reach * reach / (2 * SERVICE_BRAKE) + LOOK_AHEAD_MARGIN_M;
    double s = t.s;
    lastStopDistance = track.distanceAhead(s, track.stopM[t.nextStop]);
    lastAuthority = signalling.distanceToOccupied(s, t.block, t.index, look) - AUTHORITY_MARGIN_M;
    double target = Math.max(0, Math.min(lastStopDistance, lastAuthority));
    double cap = track.zoneLimitMs[t.zone];
    if (target < look) {
      cap = Math.min(cap, brakingCap(target, 0));
    }
    for (int i = 1; i < track.zoneCount; i++) {
      int z = (t.zone + i) % track.zoneCount;
      double d = track.distanceAhead(s, track.zoneStartM[z]);
      if (d > look) {
        break;
      }
      if (track.zoneLimitMs[z] < cap) {
        cap = Math.min(cap, brakingCap(d, track.zoneLimitMs[z]));
      }
    }
    return cap;
  }

  /** Speed for a train placed on the line at the simulation start: as if it had been running. */
  double initialSpeed(TrainState t) {
    double cap = safeSpeed(t, track.zoneLimitMs[t.zone]);
    return Math.min(cap, Math.min(cruiseSpeed[t.nextStop], CRUISE_MARGIN * track.zoneLimitMs[t.zone]));
  }

  /** Moves a running train by one step; returns true when it has come to a stand at its next stop. */
  boolean drive(TrainState t, double now) {
    double v = t.v;
    double reach = v + stock.maxAcceleration(v, t.passengers) * dt;
    double cap = safeSpeed(t, reach);
    if (now < t.slowedUntil) {
      cap = Math.min(cap, Math.max(SLOWED_SPEED, v - SERVICE_BRAKE * dt));
    }
    double cruise = Math.min(cruiseSpeed[t.nextStop], CRUISE_MARGIN * track.zoneLimitMs[t.zone]);
    double next;
    Motion motion;
    if (v > cap) {
      next = cap;
      motion = Motion.BRAKING;
    } else {
      if (!t.coasting && lastStopDistance <= coastFromM[t.nextStop] && v >= COAST_FLOOR * cruise) {
        t.coasting = true;
      } else if (t.coasting && v < COAST_FLOOR * cruise) {
        t.coasting = false;
      }
      double target = Math.min(cap, cruise);
      if (t.coasting) {
        next = Math.max(0, v - stock.coastingDeceleration(v, t.passengers) * dt);
        motion = Motion.COASTING;
      } else if (v < target) {
        next = Math.min(target, reach);
        motion = Motion.ACCELERATING;
      } else {
        // Speed control trims small excesses (e.g. entering a slower zone at its limit) by easing
        // off; anything more is a brake application.
        next = Math.max(target, v - SERVICE_BRAKE * dt);
        motion = v - next > SPEED_TRIM * dt ? Motion.BRAKING : Motion.CRUISING;
      }
    }
    if (next < CREEP_SPEED) {
      next = 0;
      motion = v > 0 ? Motion.BRAKING : Motion.STOPPED;
    }
    double move = next * dt;
    boolean arrived = lastStopDistance - move <= STOP_TOLERANCE_M
        && lastStopDistance <= lastAuthority
        && signalling.isFreeFor(track.stopBlock[t.nextStop], t.index);
    double s;
    if (arrived) {
      s = track.stopM[t.nextStop];
      next = 0;
      motion = Motion.STOPPED;
    } else {
      s = t.s + Math.min(move, Math.max(0, lastAuthority));
      if (s >= track.loopM) {
        s -= track.loopM;
      }
    }
    place(t, s);
    t.a = (next - v) / dt;
    t.v = next;
    t.motion = motion;
    return arrived;
  }

  /** Moves the train to loop coordinate {@code s} ahead of it, updating its zone and block. */
  private void place(TrainState t, double s) {
    if (s < t.s) {
      t.zone = 0;
    }
    while (t.zone + 1 < track.zoneCount && s >= track.zoneStartM[t.zone + 1]) {
      t.zone++;
    }
    int block = track.blockOf(s);
    if (block != t.block) {
      signalling.release(t.block, t.index);
      signalling.occupy(block, t.index);
      t.block = block;
    }
    t.s = s;
  }
}
