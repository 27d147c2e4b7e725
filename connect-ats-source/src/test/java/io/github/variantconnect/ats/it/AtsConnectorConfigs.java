package io.github.variantconnect.ats.it;

import io.github.variantconnect.testkit.ConnectorConfig;
import java.util.Map;

/** Connector configs for the integration tests, as a user would PUT them. */
final class AtsConnectorConfigs {

  static final String CONNECTOR_CLASS = ConnectorConfig.ATS_SOURCE;
  /** Morning peak, so overcrowding alerts occur within a short run. */
  static final String SIM_START = morningPeakOfYesterday();

  private AtsConnectorConfigs() {}

  /**
   * 07:30 UTC yesterday: the records' timestamps are the event times, so they must stay inside the
   * topic's time-based retention (7 days) while a test reads them back.
   */
  private static String morningPeakOfYesterday() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)
        .atTime(7, 30).toInstant(java.time.ZoneOffset.UTC).toString();
  }

  /** A bounded run: every train emits {@code ticks} events as fast as the worker takes them. */
  static Map<String, String> bounded(String topic, int tasks, long ticks) {
    return ConnectorConfig.of(CONNECTOR_CLASS).tasks(tasks)
        .set("topic", topic)
        .set("sim.start", SIM_START)
        .set("sim.speedup", "1e9")
        .set("sim.max.ticks", Long.toString(ticks))
        .set("random.seed", "7")
        .build();
  }

  static Map<String, String> with(Map<String, String> config, String key, String value) {
    return ConnectorConfig.with(config, key, value);
  }
}
