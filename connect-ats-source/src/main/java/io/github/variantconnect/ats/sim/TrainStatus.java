package io.github.variantconnect.ats.sim;

/** Operational status of a train as ATS reports it. */
public enum TrainStatus {
  /** In service and not stopped at a platform (including waiting at a red signal). */
  RUNNING,
  /** Stopped at a platform for passenger exchange or terminal layover. */
  DWELLING,
  /** Held in a station or running slowed because of an incident. */
  DELAYED,
  /** Detraining after a fault, or withdrawn from service until repaired. */
  OUT_OF_SERVICE
}
