package io.github.variantconnect.sink.it;

import io.github.variantconnect.testkit.ConnectCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Connector configs for the integration tests, as a user would PUT them. */
final class SinkConfigs {

  static final String SINK_CLASS = "io.github.variantconnect.sink.VariantSinkConnector";
  static final String ATS_CLASS = "io.github.variantconnect.ats.AtsSourceConnector";

  private SinkConfigs() {}

  /** The ATS source comes from its own module's plugin folder, which the reactor builds first. */
  static void requireAtsPlugin(ConnectCluster connect) {
    if (!connect.rest().connectorPlugins().toString().contains(ATS_CLASS)) {
      throw new IllegalStateException("The worker has no " + ATS_CLASS + ": build connect-ats-source first"
          + " (./mvnw verify from the root builds it before this module)");
    }
  }

  /** A DuckDB file under the module's build directory, fresh for each test. */
  static Path duckDbFile(String name) {
    Path dir = Path.of(System.getProperty("variantconnect.build.dir", "target"), "it-duckdb");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(name + ".duckdb"));
      Files.deleteIfExists(dir.resolve(name + ".duckdb.wal"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve(name + ".duckdb").toAbsolutePath();
  }

  static Map<String, String> sink(String topics, Path file, String topic2table) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", SINK_CLASS);
    config.put("tasks.max", "2");
    config.put("topics", topics);
    config.put("duckdb.path", file.toString());
    config.put("topic2table.map", topic2table);
    config.put("buffer.flush.time", "1");
    // Test readers hold the file now and then; retry quickly.
    config.put("target.retry.backoff.ms", "50");
    // Exactly-once sources leave aborted records in the log; a sink must not read them.
    config.put("consumer.override.isolation.level", "read_committed");
    // A killed worker's consumers hold their partitions until their session expires; keep that short.
    config.put("consumer.override.session.timeout.ms", "6000");
    config.put("consumer.override.heartbeat.interval.ms", "2000");
    return config;
  }

  /** A bounded ATS run: every train emits {@code ticks} events. */
  static Map<String, String> ats(String topic, long ticks, String speedup) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", ATS_CLASS);
    config.put("tasks.max", "2");
    config.put("topic", topic);
    config.put("sim.start", "2026-01-05T07:30:00Z");
    config.put("sim.speedup", speedup);
    config.put("sim.max.ticks", Long.toString(ticks));
    config.put("random.seed", "11");
    return config;
  }

  static Map<String, String> with(Map<String, String> config, String... keyValues) {
    Map<String, String> copy = new HashMap<>(config);
    for (int i = 0; i < keyValues.length; i += 2) {
      copy.put(keyValues[i], keyValues[i + 1]);
    }
    return copy;
  }
}
