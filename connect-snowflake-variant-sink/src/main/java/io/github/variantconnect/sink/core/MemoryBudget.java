package io.github.variantconnect.sink.core;

/**
 * Bytes one task holds in its buffers across all partitions, including a batch being written,
 * against {@code buffer.memory.bytes}. Counted in characters of the two JSON documents per row, as
 * the per-partition limits are; touched by the task thread only.
 */
public final class MemoryBudget {

  private final long limit;
  private long used;
  private long peak;

  public MemoryBudget(long limit) {
    this.limit = limit;
  }

  /** No limit: for a buffer used on its own. */
  public static MemoryBudget unlimited() {
    return new MemoryBudget(Long.MAX_VALUE);
  }

  void take(long bytes) {
    used += bytes;
    peak = Math.max(peak, used);
  }

  void release(long bytes) {
    used -= bytes;
  }

  /** True once the buffers hold the budget or more: write or wait before taking more. */
  public boolean full() {
    return used >= limit;
  }

  public long used() {
    return used;
  }

  /** The most the buffers ever held. */
  public long peak() {
    return peak;
  }

  public long limit() {
    return limit;
  }
}
