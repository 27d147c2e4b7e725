package io.github.variantconnect.sink.core;

import java.time.Duration;
import java.util.Collection;

/**
 * When buffers are written: as soon as one partition holds {@code buffer.count.records} records or
 * {@code buffer.size.bytes}, or its oldest pending record is {@code buffer.flush.time} old. A flush
 * then takes every pending partition, so one target transaction carries as much as possible.
 */
public final class FlushPolicy {

  private final long maxRecords;
  private final long maxBytes;
  private final long maxAgeMs;

  public FlushPolicy(long maxRecords, long maxBytes, Duration maxAge) {
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
    this.maxAgeMs = maxAge.toMillis();
  }

  public boolean isDue(Collection<PartitionBuffer> buffers, long nowMs) {
    for (PartitionBuffer buffer : buffers) {
      if (buffer.rowCount() >= maxRecords || buffer.bytes() >= maxBytes) {
        return true;
      }
      long since = buffer.pendingSinceMs();
      if (since >= 0 && nowMs - since >= maxAgeMs) {
        return true;
      }
    }
    return false;
  }

  /** Milliseconds until the oldest pending record is due by age; -1 when nothing is pending. */
  public long millisUntilDue(Collection<PartitionBuffer> buffers, long nowMs) {
    long until = -1;
    for (PartitionBuffer buffer : buffers) {
      long since = buffer.pendingSinceMs();
      if (since >= 0) {
        long left = Math.max(0, since + maxAgeMs - nowMs);
        until = until < 0 ? left : Math.min(until, left);
      }
    }
    return until;
  }
}
