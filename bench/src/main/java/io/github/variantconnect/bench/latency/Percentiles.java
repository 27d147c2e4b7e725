package io.github.variantconnect.bench.latency;

import java.util.Arrays;

/** Percentiles of latencies in milliseconds, nearest-rank. */
final class Percentiles {

  private final long[] sorted;

  Percentiles(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  long at(double percentile) {
    if (sorted.length == 0) {
      throw new IllegalStateException("no samples");
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  long max() {
    return sorted[sorted.length - 1];
  }
}
