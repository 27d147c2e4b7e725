package io.github.variantconnect.quickstart.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.ConnectRestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every connector registration in {@code config/} passes the worker's {@code config/validate}
 * endpoint with all plugins loaded from plugin.path, so the shipped configs cannot rot.
 */
class ConfigFilesIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder()
      .exactlyOnceSource(true)
      // As in config/connect-distributed.properties: secrets come from files.
      .workerProperty("config.providers", "file")
      .workerProperty("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider")
      .build();

  /** Stands in for /etc/variant-connect/snowflake.properties, with a freshly generated key. */
  private static Path secretsFile;

  @TempDir static Path dataDir;

  @BeforeAll
  static void writeSecrets() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\\n"
        + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\\n-----END PRIVATE KEY-----";
    secretsFile = dataDir.resolve("snowflake.properties");
    Files.writeString(secretsFile, String.join("\n",
        "url=https://xy12345.eu-central-1.snowflakecomputing.com:443",
        "user=VARIANT_CONNECT",
        "private.key=" + pem,
        "private.key.passphrase=",
        ""));
  }

  static Stream<Path> connectorFiles() throws IOException {
    try (Stream<Path> files = Files.list(configDir())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  static Path configDir() {
    return Path.of(System.getProperty("variantconnect.config.dir"));
  }

  @Test
  void everyConnectorOfTheBundleHasARegistration() throws IOException {
    List<String> classes = connectorFiles().map(f -> read(f).path("config").path("connector.class").asText()).toList();

    assertThat(classes).contains(
        "io.github.variantconnect.ats.AtsSourceConnector",
        "io.github.variantconnect.http.HttpSourceConnector",
        "io.github.variantconnect.sink.VariantSinkConnector");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectorFiles")
  void validatesOnARealWorker(Path file) {
    JsonNode registration = read(file);
    Map<String, String> config = ConnectRestClient.json().convertValue(registration.path("config"),
        ConnectRestClient.json().getTypeFactory().constructMapType(Map.class, String.class, String.class));
    config.replaceAll((key, value) -> value.replace("/tmp/variant-connect", dataDir.toString())
        .replace("/etc/variant-connect/snowflake.properties", secretsFile.toString()));
    config.put("name", registration.path("name").asText());

    Map<String, List<String>> errors = CONNECT.rest().validationErrors(config.get("connector.class"), config);

    assertThat(registration.path("name").asText()).isNotBlank();
    assertThat(errors).as("validation errors of %s", file.getFileName()).isEmpty();
  }

  private static JsonNode read(Path file) {
    try {
      return ConnectRestClient.json().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not JSON", e);
    }
  }
}
