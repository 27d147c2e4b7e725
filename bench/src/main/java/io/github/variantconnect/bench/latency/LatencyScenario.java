package io.github.variantconnect.bench.latency;

import java.util.Map;

/** Connector settings over the shipped registrations under which the pipeline is measured. */
record LatencyScenario(String name, String description, Map<String, String> sink) {

  /**
   * The registrations in config/ as shipped: the HTTP source asks again 100 ms after catching up;
   * one sink task reads values as text and flushes every 250 ms (or 10,000 records of a
   * partition), leaving batches in DuckDB's write-ahead log up to 1 MiB; and the quickstart's
   * mirror refresher on its target lag.
   */
  static LatencyScenario shipped() {
    return new LatencyScenario("shipped", "shipped configs (HTTP source poll.interval=100ms; sink tasks.max=1,"
        + " buffer.flush.time.ms=250, value.converter=StringConverter, duckdb.checkpoint.threshold.bytes=1 MiB)",
        Map.of());
  }
}
