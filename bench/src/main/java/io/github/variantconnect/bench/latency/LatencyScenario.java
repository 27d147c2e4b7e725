package io.github.variantconnect.bench.latency;

import java.util.Map;

/** A pair of connector settings under which the pipeline is measured. */
record LatencyScenario(String name, String description, Map<String, String> source, Map<String, String> sink) {

  /** The registrations in config/ as shipped: poll every 1 s, flush every 10,000 records or 1 s. */
  static LatencyScenario shipped() {
    return new LatencyScenario("shipped", "shipped configs (poll.interval=1s, buffer.count.records=10000,"
        + " buffer.flush.time=1)", Map.of(), Map.of());
  }

  /**
   * Tuned for freshness: the source asks again 100 ms after catching up; one sink task (two tasks
   * on one DuckDB file take turns, so they double the flushes without adding throughput) flushes
   * whenever a partition holds 1,250 records, about twice a second here; a flush that met a
   * reader's lock is retried after 20 ms instead of 500 ms.
   */
  static LatencyScenario tuned() {
    return new LatencyScenario("tuned", "poll.interval=100ms; sink tasks.max=1, buffer.count.records=1250,"
        + " target.retry.backoff.ms=20",
        Map.of("poll.interval", "100ms"),
        Map.of("tasks.max", "1", "buffer.count.records", "1250", "target.retry.backoff.ms", "20"));
  }
}
