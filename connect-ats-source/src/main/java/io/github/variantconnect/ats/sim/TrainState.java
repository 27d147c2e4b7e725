package io.github.variantconnect.ats.sim;

/**
 * Mutable state of one simulated train. Plain fields on purpose: the simulation steps every train once
 * per simulated second, so this is the hot data, read and written by {@link TrainDriver} and
 * {@link LineSimulation} only. Times are seconds since the simulation start; positions are loop
 * coordinates in metres (see {@link LineTrack}).
 */
final class TrainState {

  enum Service {
    IN_SERVICE,
    /** Stopped at a platform after a fault, passengers leaving. */
    DETRAINING,
    /** Off the running line (siding or depot next to the station), awaiting repair. */
    WITHDRAWN
  }

  final int index;
  final String id;
  final SimRandom random;

  double s;
  double v;
  /** Acceleration over the last step; with {@link #motion} it determines the reported power. */
  double a;
  Motion motion = Motion.STOPPED;
  /** The ATO has cut traction for this run and lets the train roll towards the next stop. */
  boolean coasting;

  /** The stop the train is heading for, or standing at while {@link #atPlatform}. */
  int nextStop;
  int zone;
  /** Block held on the running line; -1 while withdrawn. */
  int block;

  boolean atPlatform;
  double departAt;
  int passengers;

  Service service = Service.IN_SERVICE;
  boolean faultPending;
  double returnAt;
  double delayedUntil = Double.NEGATIVE_INFINITY;
  double slowedUntil = Double.NEGATIVE_INFINITY;
  double nextIncidentAt;
  double nextFaultAt;

  TrainState(int index, String id, SimRandom random) {
    this.index = index;
    this.id = id;
    this.random = random;
  }

  TrainStatus status(double now) {
    if (service != Service.IN_SERVICE) {
      return TrainStatus.OUT_OF_SERVICE;
    }
    if (now < delayedUntil) {
      return TrainStatus.DELAYED;
    }
    return atPlatform ? TrainStatus.DWELLING : TrainStatus.RUNNING;
  }
}
