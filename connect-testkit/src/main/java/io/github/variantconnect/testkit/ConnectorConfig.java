package io.github.variantconnect.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * Connector configs as a user would PUT them to the Connect REST API, built the same way by every
 * test, benchmark and the quickstart: the connector class, then keys, then the settings several
 * suites share under one name each.
 */
public final class ConnectorConfig {

  public static final String ATS_SOURCE = "io.github.variantconnect.ats.AtsSourceConnector";
  public static final String HTTP_SOURCE = "io.github.variantconnect.http.HttpSourceConnector";
  public static final String VARIANT_SINK = "io.github.variantconnect.sink.VariantSinkConnector";

  private final Map<String, String> config = new HashMap<>();

  private ConnectorConfig(String connectorClass) {
    config.put("connector.class", connectorClass);
  }

  public static ConnectorConfig of(String connectorClass) {
    return new ConnectorConfig(connectorClass);
  }

  public ConnectorConfig tasks(int tasks) {
    return set("tasks.max", Integer.toString(tasks));
  }

  public ConnectorConfig set(String key, String value) {
    config.put(key, value);
    return this;
  }

  /** String keys and schemaless JSON values, the converters the shipped configs use. */
  public ConnectorConfig stringKeysJsonValues() {
    return set("key.converter", "org.apache.kafka.connect.storage.StringConverter")
        .set("value.converter", "org.apache.kafka.connect.json.JsonConverter")
        .set("value.converter.schemas.enable", "false");
  }

  /**
   * A sink that reads what exactly-once sources wrote, survives a killed worker quickly, and retries
   * soon when a test reader holds its DuckDB file.
   */
  public ConnectorConfig sinkForTests() {
    // Exactly-once sources leave records of aborted transactions in the log; a sink must not read them.
    set("consumer.override.isolation.level", "read_committed");
    // A killed worker's consumers hold their partitions until their session expires; keep that short.
    set("consumer.override.session.timeout.ms", "6000");
    set("consumer.override.heartbeat.interval.ms", "2000");
    set("buffer.flush.time", "1");
    return set("target.retry.backoff.ms", "50");
  }

  public Map<String, String> build() {
    return new HashMap<>(config);
  }

  /** A copy with some keys set: {@code with(config, "k1", "v1", "k2", "v2")}. */
  public static Map<String, String> with(Map<String, String> config, String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up");
    }
    Map<String, String> copy = new HashMap<>(config);
    for (int i = 0; i < keyValues.length; i += 2) {
      copy.put(keyValues[i], keyValues[i + 1]);
    }
    return copy;
  }
}
