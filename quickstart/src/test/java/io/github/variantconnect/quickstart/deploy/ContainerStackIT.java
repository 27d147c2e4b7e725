package io.github.variantconnect.quickstart.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectRestClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The ATS source → VARIANT sink → DuckDB path the way docker-compose.yml runs it: the official
 * apache/kafka image as broker, and the distributed worker in the image docker/connect-worker's
 * Dockerfile builds (Kafka on a glibc base, so the sink's DuckDB natives load), with the built
 * plugin folders mounted on plugin.path. Skipped where no Docker engine runs; where Docker is
 * missing, ComposeWorkerNativesIT still checks that image's libraries against the natives.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerStackIT {

  private static final String IMAGE = "apache/kafka:4.3.1";
  private static final Path ROOT = Path.of(System.getProperty("variantconnect.root.dir", ".."));
  private static final int TRAINS = 115;
  private static final int TICKS = 20;

  @TempDir Path dataDir;

  @Test
  void atsSourceToDuckDbInContainers() throws Exception {
    Path workerProps = dataDir.resolve("connect-distributed.properties");
    Files.writeString(workerProps, Files.readString(ROOT.resolve("config/docker/connect-distributed.properties"))
        .replace("bootstrap.servers=kafka:9092", "bootstrap.servers=kafka:19092"));
    try (Network network = Network.newNetwork();
        KafkaContainer kafka = new KafkaContainer(IMAGE).withNetwork(network).withListener("kafka:19092");
        GenericContainer<?> connect = new GenericContainer<>(new ImageFromDockerfile("variant-connect/connect-worker-it", false)
            .withDockerfile(ROOT.resolve("docker/connect-worker/Dockerfile")))) {
      kafka.start();
      connect.withNetwork(network)
          .withFileSystemBind(workerProps.toString(), "/etc/variant-connect/connect-distributed.properties", BindMode.READ_ONLY)
          .withFileSystemBind(plugin("connect-ats-source"), "/opt/variant-connect/plugins/connect-ats-source", BindMode.READ_ONLY)
          .withFileSystemBind(plugin("connect-snowflake-variant-sink"), "/opt/variant-connect/plugins/connect-snowflake-variant-sink", BindMode.READ_ONLY)
          .withFileSystemBind(dataDir.toString(), "/data", BindMode.READ_WRITE)
          .withCommand("/opt/kafka/bin/connect-distributed.sh", "/etc/variant-connect/connect-distributed.properties")
          .withExposedPorts(8083)
          .waitingFor(Wait.forHttp("/connectors").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)))
          .start();

      ConnectRestClient rest = new ConnectRestClient(() -> URI.create("http://" + connect.getHost() + ":" + connect.getMappedPort(8083) + "/"));
      rest.putConfig("ats-source", Map.of(
          "connector.class", "io.github.variantconnect.ats.AtsSourceConnector",
          "tasks.max", "2", "sim.speedup", "1e9", "sim.max.ticks", Integer.toString(TICKS),
          "sim.start", "2026-01-05T08:00:00Z"));
      rest.putConfig("variant-sink-duckdb", Map.of(
          "connector.class", "io.github.variantconnect.sink.VariantSinkConnector",
          "topics", "ats-telemetry", "duckdb.path", "/data/variant.duckdb",
          "topic2table.map", "ats-telemetry:ATS_RAW_JSON",
          "consumer.override.isolation.level", "read_committed"));

      long rows = Awaits.value(Duration.ofMinutes(3), "all ATS events in DuckDB",
          () -> countRows(dataDir.resolve("variant.duckdb")), n -> n >= TRAINS * TICKS);
      assertThat(rows).isEqualTo(TRAINS * TICKS);
    }
  }

  private static String plugin(String module) {
    return ROOT.resolve(module).resolve("target/plugin").resolve(module).toAbsolutePath().toString();
  }

  /** Row count, after checking that no event landed twice; fails while the file is not there yet. */
  private static long countRows(Path file) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file + "?access_mode=READ_ONLY");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT count(DISTINCT RECORD_CONTENT->>'event_id') = count(*), count(*) FROM ATS_RAW_JSON")) {
      rs.next();
      assertThat(rs.getBoolean(1)).as("no duplicate rows").isTrue();
      return rs.getLong(2);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("DuckDB not readable yet: " + e.getMessage(), e);
    }
  }
}
