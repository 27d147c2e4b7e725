package io.github.variantconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorRegistrarTest {

  @TempDir
  Path temp;

  @Test
  void overridesOnlyTheKeysAFileSets() throws Exception {
    Path file = temp.resolve("sink.json");
    Files.writeString(file, """
        {"name": "sink", "config": {"tasks.max": 2, "duckdb.path": "/tmp/variant.duckdb"}}""");

    ConnectorRegistrar.Registration registration = ConnectorRegistrar.read(file)
        .overriding(Map.of("duckdb.path", "/data/variant.duckdb", "sim.speedup", "10"));

    assertThat(registration.name()).isEqualTo("sink");
    assertThat(registration.config())
        .containsExactly(Map.entry("tasks.max", "2"), Map.entry("duckdb.path", "/data/variant.duckdb"));
  }

  @Test
  void theRepositoryConfigsAreRegistrations() throws Exception {
    Path configDir = RepositoryPaths.config();
    for (String name : QuickstartOptions.DEFAULT_CONNECTORS) {
      assertThat(ConnectorRegistrar.read(configDir.resolve(name)).config()).containsKey("connector.class");
    }
  }

  @Test
  void aFileWithoutNameOrConfigIsRefused() throws Exception {
    Path file = temp.resolve("bare.json");
    Files.writeString(file, "{\"connector.class\": \"x\"}");

    assertThatThrownBy(() -> ConnectorRegistrar.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("\"name\"");
  }

  @Test
  void rebasingKeepsPathAndQuery() {
    assertThat(QuickstartStack.rebase(URI.create("http://127.0.0.1:8089/v1/events?limit=5"),
        URI.create("http://127.0.0.1:41234")))
        .isEqualTo("http://127.0.0.1:41234/v1/events?limit=5");
  }
}
