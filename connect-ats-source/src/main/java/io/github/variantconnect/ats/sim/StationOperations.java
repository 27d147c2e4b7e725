package io.github.variantconnect.ats.sim;

/**
 * What happens at platforms: passenger exchange and dwell times, terminal layover with ATS headway
 * regulation, detraining a failed train, withdrawing it to a siding and bringing it back.
 */
final class StationOperations {

  /** Door open/close and dispatch, regardless of passenger numbers. */
  private static final double DWELL_BASE_S = 15;
  /** Four cars with four double doors a side: about 1.5 s per passenger per door, over 16 doors. */
  private static final double DWELL_PER_PASSENGER_S = 0.09;
  private static final double MIN_DWELL_S = 20;
  private static final double MAX_DWELL_S = 75;
  /** Time for the driver to change ends at a terminal. */
  private static final double TERMINAL_LAYOVER_S = 90;
  /** Getting everybody off a failed train and securing it before it is moved away. */
  private static final double DETRAIN_S = 120;
  /**
   * ATS terminal regulation: a train may not leave a terminal sooner than this share of the recent
   * mean interval after the previous one, which stops bunching from feeding on itself.
   */
  private static final double HOLD_SHARE = 0.8;
  /** Weight of the latest interval in the running mean of terminal departure intervals. */
  private static final double INTERVAL_SMOOTHING = 0.1;

  private final LineTrack track;
  private final PassengerDemand demand;
  private final BlockSignalling signalling;
  private final TrainState[] trains;
  private final double stepS;
  private final double[] lastDepartureAt = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
  private final double[] meanInterval = new double[2];

  StationOperations(LineTrack track, PassengerDemand demand, BlockSignalling signalling,
      TrainState[] trains, double stepS, double nominalHeadwayS) {
    this.track = track;
    this.demand = demand;
    this.signalling = signalling;
    this.trains = trains;
    this.stepS = stepS;
    meanInterval[0] = nominalHeadwayS;
    meanInterval[1] = nominalHeadwayS;
  }

  /** The train has come to a stand at its next stop. */
  void arrive(TrainState t, double now, double hour) {
    t.atPlatform = true;
    t.coasting = false;
    t.a = 0;
    int stop = t.nextStop;
    if (t.faultPending) {
      detrain(t, now);
      return;
    }
    int alighting = demand.alight(stop, t.passengers, t.random);
    t.passengers -= alighting;
    int boarding = demand.board(stop, t.passengers, now, hour);
    t.passengers += boarding;
    double departure = now + dwellTime(alighting + boarding, t.random);
    if (track.isTerminal(stop)) {
      int terminal = terminalIndex(stop);
      departure = Math.max(departure, now + TERMINAL_LAYOVER_S);
      departure = Math.max(departure, lastDepartureAt[terminal] + HOLD_SHARE * meanInterval[terminal]);
    }
    t.departAt = departure;
  }

  /** Dwell for a given passenger exchange, with some spread for door reopenings and slow boarders. */
  static double dwellTime(int passengersMoving, SimRandom random) {
    double dwell = DWELL_BASE_S + DWELL_PER_PASSENGER_S * passengersMoving;
    dwell *= random.uniform(0.9, 1.2);
    return Math.max(MIN_DWELL_S, Math.min(MAX_DWELL_S, dwell));
  }

  void depart(TrainState t, double now) {
    int stop = t.nextStop;
    if (track.isTerminal(stop)) {
      int terminal = terminalIndex(stop);
      if (lastDepartureAt[terminal] > Double.NEGATIVE_INFINITY) {
        double interval = now - lastDepartureAt[terminal];
        meanInterval[terminal] += INTERVAL_SMOOTHING * (interval - meanInterval[terminal]);
      }
      lastDepartureAt[terminal] = now;
    }
    t.atPlatform = false;
    t.nextStop = (stop + 1) % track.stopCount;
  }

  private int terminalIndex(int stop) {
    return stop == 0 ? 0 : 1;
  }

  /** A fault at a platform: everybody off, they wait for the next train. */
  void detrain(TrainState t, double now) {
    demand.strand(t.nextStop, t.passengers);
    t.passengers = 0;
    t.faultPending = false;
    t.atPlatform = true;
    t.service = TrainState.Service.DETRAINING;
    t.departAt = now + DETRAIN_S;
  }

  /** The empty train leaves the running line for a siding until {@code now + repairS}. */
  void withdraw(TrainState t, double now, double repairS) {
    signalling.release(t.block, t.index);
    t.block = -1;
    t.service = TrainState.Service.WITHDRAWN;
    t.returnAt = now + repairS;
  }

  /** Puts a repaired train back into service at its station, if the line allows it now. */
  boolean tryRejoin(TrainState t, double now, double hour) {
    if (!signalling.safeToRejoin(t.s, trains, TrainDriver.SERVICE_BRAKE, stepS)) {
      return false;
    }
    t.block = track.blockOf(t.s);
    signalling.occupy(t.block, t.index);
    t.service = TrainState.Service.IN_SERVICE;
    t.atPlatform = true;
    int boarding = demand.board(t.nextStop, 0, now, hour);
    t.passengers = boarding;
    t.departAt = now + dwellTime(boarding, t.random);
    return true;
  }
}
