package io.github.variantconnect.ats.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
    return name().toLowerCase(Locale.ROOT);
  }

  public static RecordTimestamp parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  public static List<String> configValues() {
    return Arrays.stream(values()).map(RecordTimestamp::configValue).toList();
  }
}
