package io.github.variantconnect.ats.config;

import io.github.variantconnect.common.config.EnumKeys;

/**
 * Which instant a telemetry record's Kafka timestamp carries; the value's {@code event_time} is the
 * simulated time either way.
 */
public enum RecordTimestamp {
  /** The simulated event time, capped at the wall clock. */
  EVENT_TIME,
  /**
   * The wall clock when the task emitted the event: time-based retention then counts from when the
   * record was written, however far in the past the simulation runs.
   */
  WALL_CLOCK;

  public String configValue() {
    return EnumKeys.name(this);
  }
}
