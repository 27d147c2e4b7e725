package io.github.variantconnect.bench.latency;

import java.util.Map;

/** A pair of connector settings under which the pipeline is measured. */
record LatencyScenario(String name, String description, Map<String, String> source, Map<String, String> sink) {

  /**
   * The registrations in config/ as shipped: the source asks again 100 ms after catching up; one
   * sink task reads values as text and flushes every 250 ms (or 10,000 records of a partition),
   * leaving batches in DuckDB's write-ahead log up to 1 MiB.
   */
  static LatencyScenario shipped() {
    return new LatencyScenario("shipped", "shipped configs (poll.interval=100ms; sink tasks.max=1,"
        + " buffer.flush.time.ms=250, value.converter=StringConverter, duckdb.checkpoint.threshold.bytes=1 MiB)",
        Map.of(), Map.of());
  }

  /** As shipped, but DuckDB checkpoints on every flush: what leaving batches in the log saves. */
  static LatencyScenario checkpointEveryFlush() {
    return new LatencyScenario("checkpoint-every-flush", "shipped configs with duckdb.checkpoint.threshold.bytes=0",
        Map.of(), Map.of("duckdb.checkpoint.threshold.bytes", "0"));
  }

  /** As shipped, but the source waits 1 s after catching up, a setting for a remote API. */
  static LatencyScenario sourcePollEverySecond() {
    return new LatencyScenario("poll-1s", "shipped configs with source poll.interval=1s",
        Map.of("poll.interval", "1s"), Map.of());
  }
}
