package io.github.variantconnect.ats.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.testkit.ConnectorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
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

  /** The shipped config/ats-source.json with the keys of {@link #bounded} on top. */
  static Map<String, String> shippedBounded(String topic, int tasks, long ticks) {
    Path file = Path.of(System.getProperty("variantconnect.config.dir", "../config"), "ats-source.json");
    Map<String, String> config = new HashMap<>();
    try {
      for (Map.Entry<String, JsonNode> e : new ObjectMapper().readTree(file.toFile()).path("config").properties()) {
        config.put(e.getKey(), e.getValue().asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config.put("alerts.topic", "");
    config.putAll(bounded(topic, tasks, ticks));
    return config;
  }

  static Map<String, String> with(Map<String, String> config, String key, String value) {
    return ConnectorConfig.with(config, key, value);
  }
}
