package io.github.variantconnect.demoapi;

import java.time.Instant;

/**
 * Maps feed positions to event times: {@code start + seq / eventsPerSecond}, truncated to the
 * millisecond. Times never decrease with seq, which is what lets {@code since} become a position.
 */
final class EventTimeline {
  private final long startMillis;
  private final double eventsPerSecond;

  EventTimeline(Instant start, double eventsPerSecond) {
    this.startMillis = start.toEpochMilli();
    this.eventsPerSecond = eventsPerSecond;
  }

  Instant start() {
    return Instant.ofEpochMilli(startMillis);
  }

  Instant eventTime(long seq) {
    return Instant.ofEpochMilli(eventMillis(seq));
  }

  /** The first seq whose event time is at or after {@code epochMillis}. */
  long firstSeqAtOrAfter(long epochMillis) {
    if (epochMillis <= startMillis) {
      return 0;
    }
    long seq = (long) Math.ceil((epochMillis - startMillis) * eventsPerSecond / 1000.0);
    while (seq > 0 && eventMillis(seq - 1) >= epochMillis) {
      seq--;
    }
    while (eventMillis(seq) < epochMillis) {
      seq++;
    }
    return seq;
  }

  private long eventMillis(long seq) {
    return startMillis + (long) Math.floor(seq * 1000.0 / eventsPerSecond);
  }
}
