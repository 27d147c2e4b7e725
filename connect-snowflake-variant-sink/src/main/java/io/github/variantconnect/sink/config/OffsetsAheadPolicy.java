package io.github.variantconnect.sink.config;

/**
 * What the sink does when a partition's first record after a seek lies below the target's committed
 * offset + 1: the log no longer holds what the target committed, because the topic was deleted and
 * recreated (or truncated). Skipping ahead silently would drop the new topic's first records.
 */
public enum OffsetsAheadPolicy {
  /** Fail the task with VS-203 and let an operator decide. */
  FAIL,
  /**
   * Trust the log: reset the target's stored offset for the partition and ingest from where the
   * consumer now stands (per {@code auto.offset.reset}, the start of the new topic by default).
   */
  RESET_TO_KAFKA
}
