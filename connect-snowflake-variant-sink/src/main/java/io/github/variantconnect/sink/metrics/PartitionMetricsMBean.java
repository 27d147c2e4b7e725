package io.github.variantconnect.sink.metrics;

/**
 * Per-partition JMX attributes, under {@code
 * io.github.variantconnect:type=variant-sink-partition,connector=...,task=...,topic=...,partition=...}.
 */
public interface PartitionMetricsMBean {

  /** Offset of the last record the task received; -1 before the first. */
  long getReceivedOffset();

  /** Offset of the last record handed to the target. */
  long getWrittenOffset();

  /** Offset of the last record the target reported as committed (updated on each offset commit). */
  long getCommittedOffset();

  /** Offsets received but not yet handed to the target: received - written. */
  long getOffsetLag();
}
