package io.github.variantconnect.demoapi;

/** A request reached for an event that has already left the retention window. */
final class ExpiredPositionException extends RuntimeException {
  ExpiredPositionException(long requestedSeq, long oldestSeq) {
    super("position " + requestedSeq + " has left the retention window; the oldest retained is "
        + oldestSeq);
  }
}
