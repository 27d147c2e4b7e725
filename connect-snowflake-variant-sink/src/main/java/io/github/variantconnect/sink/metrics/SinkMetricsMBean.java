package io.github.variantconnect.sink.metrics;

/** Per-task JMX attributes, under {@code io.github.variantconnect:type=variant-sink-task,...}. */
public interface SinkMetricsMBean {

  /** Rows the target has taken (committed, for transactional targets). */
  long getRecordsWritten();

  /** Characters of RECORD_METADATA and RECORD_CONTENT JSON in those rows. */
  long getBytesWritten();

  long getFlushes();

  double getFlushLatencyAvgMs();

  long getFlushLatencyMaxMs();

  long getLastFlushLatencyMs();

  /** Records sent to the dead-letter queue. */
  long getDeadLetterRecords();

  /** Tombstones that produced no row ({@code behavior.on.null.values=IGNORE}). */
  long getSkippedNullRecords();

  /** Failed target writes that were retried. */
  long getTargetRetries();

  /** Rows waiting in the task's buffers. */
  long getBufferedRecords();
}
