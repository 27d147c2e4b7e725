package io.github.variantconnect.http.config;

/**
 * Which instant a record's Kafka timestamp carries. The item's own event time stays in the value and
 * drives the time-behind-head metric and page pagination's {@code since} either way.
 */
public enum RecordTimestamp {
  /**
   * The time the worker's producer sends the record: time-based retention counts from when the
   * record was written, so a backfill of history older than {@code retention.ms} is kept.
   */
  WALL_CLOCK,
  /**
   * The item's event time ({@code record.timestamp.pointer}): time-based retention and
   * {@code message.timestamp.*} checks see the event's age, so the broker's next retention check
   * deletes records older than the topic's {@code retention.ms}.
   */
  EVENT_TIME
}
