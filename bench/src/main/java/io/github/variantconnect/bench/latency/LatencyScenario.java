package io.github.variantconnect.bench.latency;

import io.github.variantconnect.quickstart.mirror.DuckDbRefresher;
import java.time.Duration;
import java.util.Map;

/**
 * Connector settings over the shipped registrations, and how long the reader's mirror refresh may
 * hold the file, under which the pipeline is measured.
 */
record LatencyScenario(String name, String description, Map<String, String> sink, Duration refreshMaxHold) {

  /**
   * The registrations in config/ as shipped: the HTTP source asks again 100 ms after catching up;
   * one sink task reads values as text and flushes every 250 ms (or 10,000 records of a
   * partition), leaving batches in DuckDB's write-ahead log up to 1 MiB; and the quickstart's
   * mirror refresher, which keeps each refresh's work within 250 ms.
   */
  static LatencyScenario shipped() {
    return new LatencyScenario("shipped", "shipped configs (HTTP source poll.interval=100ms; sink tasks.max=1,"
        + " buffer.flush.time.ms=250, value.converter=StringConverter, duckdb.checkpoint.threshold.bytes=1 MiB);"
        + " mirror refresh work ≤ " + DuckDbRefresher.DEFAULT_MAX_HOLD.toMillis() + " ms per transaction",
        Map.of(), DuckDbRefresher.DEFAULT_MAX_HOLD);
  }

  /** As shipped, but each mirror refresh reads its full batch of new raw rows however long that holds the file. */
  static LatencyScenario unboundedRefresh() {
    return new LatencyScenario("unbounded-refresh", "shipped configs; mirror refresh in batches of up to 50,000 raw"
        + " rows per table whatever they cost", Map.of(), Duration.ofDays(1));
  }
}
