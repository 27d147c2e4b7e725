package io.github.variantconnect.bench.latency;

import java.util.Arrays;

/** Latencies in milliseconds, appended from one thread and read once the run is over. */
final class LatencySamples {

  private long[] values = new long[1 << 16];
  private int count;

  synchronized void add(long millis) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = millis;
  }

  synchronized Percentiles percentiles() {
    return new Percentiles(Arrays.copyOf(values, count));
  }
}
