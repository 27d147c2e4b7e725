package io.github.variantconnect.sink.it;

import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.ConnectorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Connector configs for the integration tests, as a user would PUT them. */
final class SinkConfigs {

  static final String SINK_CLASS = ConnectorConfig.VARIANT_SINK;
  static final String ATS_CLASS = ConnectorConfig.ATS_SOURCE;

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
    return ConnectorConfig.of(SINK_CLASS).tasks(2)
        .set("topics", topics)
        .set("duckdb.path", file.toString())
        .set("topic2table.map", topic2table)
        .sinkForTests()
        .build();
  }

  /** A bounded ATS run: every train emits {@code ticks} events. */
  static Map<String, String> ats(String topic, long ticks, String speedup) {
    return ConnectorConfig.of(ATS_CLASS).tasks(2)
        .set("topic", topic)
        .set("sim.start", "2026-01-05T07:30:00Z")
        .set("sim.speedup", speedup)
        .set("sim.max.ticks", Long.toString(ticks))
        .set("random.seed", "11")
        .build();
  }

  static Map<String, String> with(Map<String, String> config, String... keyValues) {
    return ConnectorConfig.with(config, keyValues);
  }
}
