package io.github.variantconnect.reliability;

import io.github.variantconnect.testkit.ConnectorConfig;
import java.nio.file.Path;
import java.util.Map;

/** Connector configs as a user would PUT them to the Connect REST API. */
final class ConnectorConfigs {

  static final String ATS = ConnectorConfig.ATS_SOURCE;
  static final String HTTP = ConnectorConfig.HTTP_SOURCE;
  static final String SINK = ConnectorConfig.VARIANT_SINK;
  static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
  static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

  /** The ATS source's built-in network. */
  static final int ATS_TRAINS = 115;

  private ConnectorConfigs() {}

  /**
   * An ATS run that ends: every train emits {@code ticks} events, {@code ticksPerSecond} ticks per
   * wall-clock second, so the run lasts {@code ticks / ticksPerSecond} seconds.
   */
  static Map<String, String> ats(String topic, int tasks, long ticks, double ticksPerSecond) {
    return ConnectorConfig.of(ATS).tasks(tasks)
        .set("topic", topic)
        // The simulation starts now: records carry their event time as timestamp, and a start in the
        // past would let the topic's time-based retention delete them while the test still reads them.
        .set("sim.start", "")
        .set("tick.interval", "1s")
        .set("sim.speedup", Double.toString(ticksPerSecond))
        .set("sim.max.ticks", Long.toString(ticks))
        .set("random.seed", "8")
        .stringKeysJsonValues()
        .build();
  }

  /** The HTTP source against an API at {@code baseUrl} (the demo API's paths and fields). */
  static Map<String, String> http(String baseUrl, String topic) {
    return ConnectorConfig.of(HTTP).tasks(1)
        .set("http.url", baseUrl + "/v1/events")
        .set("topic", topic)
        .set("pagination.limit", "1000")
        .set("poll.interval", "200ms")
        .stringKeysJsonValues()
        .build();
  }

  /**
   * The sink into a DuckDB file; {@code topic2table} in the {@code topic:TABLE,...} syntax. Values
   * are read with the StringConverter, as in the shipped config/variant-sink-duckdb.json: the topic's
   * JSON text lands as it is.
   */
  static Map<String, String> duckDbSink(String topics, Path file, String topic2table, int tasks) {
    return ConnectorConfig.of(SINK).tasks(tasks)
        .set("topics", topics)
        .set("variant.target", "duckdb")
        .set("duckdb.path", file.toString())
        .set("topic2table.map", topic2table)
        .set("key.converter", STRING_CONVERTER)
        .set("value.converter", STRING_CONVERTER)
        .sinkForTests()
        .build();
  }

  /** A copy with some keys set: {@code with(config, "k1", "v1", "k2", "v2")}. */
  static Map<String, String> with(Map<String, String> config, String... keyValues) {
    return ConnectorConfig.with(config, keyValues);
  }
}
