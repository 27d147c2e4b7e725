package io.github.variantconnect.ats.sim;

/** What the train's traction and brakes were doing at the reported instant. */
public enum Motion {
  ACCELERATING,
  /** Motoring just enough to hold speed against running resistance. */
  CRUISING,
  /** Traction off, rolling; only running resistance slows the train. */
  COASTING,
  /** Service braking, regenerative where the motors can absorb it. */
  BRAKING,
  STOPPED
}
