package io.github.variantconnect.reliability;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Connector configs as a user would PUT them to the Connect REST API. */
final class ConnectorConfigs {

  static final String ATS = "io.github.variantconnect.ats.AtsSourceConnector";
  static final String HTTP = "io.github.variantconnect.http.HttpSourceConnector";
  static final String SINK = "io.github.variantconnect.sink.VariantSinkConnector";

  /** The ATS source's built-in network. */
  static final int ATS_TRAINS = 115;

  private ConnectorConfigs() {}

  /**
   * An ATS run that ends: every train emits {@code ticks} events, {@code ticksPerSecond} ticks per
   * wall-clock second, so the run lasts {@code ticks / ticksPerSecond} seconds.
   */
  static Map<String, String> ats(String topic, int tasks, long ticks, double ticksPerSecond) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", ATS);
    config.put("tasks.max", Integer.toString(tasks));
    config.put("topic", topic);
    // The simulation starts now: records carry their event time as timestamp, and a start in the
    // past would let the topic's time-based retention delete them while the test still reads them.
    config.put("sim.start", "");
    config.put("tick.interval", "1s");
    config.put("sim.speedup", Double.toString(ticksPerSecond));
    config.put("sim.max.ticks", Long.toString(ticks));
    config.put("random.seed", "8");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }

  /** The HTTP source against an API at {@code baseUrl} (the demo API's paths and fields). */
  static Map<String, String> http(String baseUrl, String topic) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", HTTP);
    config.put("tasks.max", "1");
    config.put("http.url", baseUrl + "/v1/events");
    config.put("topic", topic);
    config.put("pagination.limit", "1000");
    config.put("poll.interval", "200ms");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }

  /** The sink into a DuckDB file; {@code topic2table} in the {@code topic:TABLE,...} syntax. */
  static Map<String, String> duckDbSink(String topics, Path file, String topic2table, int tasks) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", SINK);
    config.put("tasks.max", Integer.toString(tasks));
    config.put("topics", topics);
    config.put("variant.target", "duckdb");
    config.put("duckdb.path", file.toString());
    config.put("topic2table.map", topic2table);
    config.put("buffer.flush.time", "1");
    // The test JVM reads the file now and then; a sink that finds it locked retries soon.
    config.put("target.retry.backoff.ms", "50");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    // Exactly-once sources leave records of aborted transactions in the log.
    config.put("consumer.override.isolation.level", "read_committed");
    // A killed worker's consumer holds its partitions until its session expires; keep that short.
    config.put("consumer.override.session.timeout.ms", "6000");
    config.put("consumer.override.heartbeat.interval.ms", "2000");
    return config;
  }

  /** A copy with some keys set: {@code with(config, "k1", "v1", "k2", "v2")}. */
  static Map<String, String> with(Map<String, String> config, String... keyValues) {
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
