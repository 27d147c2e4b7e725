package io.github.variantconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** The example configs users copy must pass validation as they are. */
class ShippedConfigsTest {

  private static void assertValid(Map<String, String> config) {
    assertThat(config.get("connector.class")).isEqualTo(HttpSourceConnector.class.getName());
    for (ConfigValue value : new HttpSourceConnector().validate(config).configValues()) {
      assertThat(value.errorMessages()).as(value.name()).isEmpty();
    }
  }

  @Test
  void restRegistrationForTheDemoApi() throws Exception {
    JsonNode file = new ObjectMapper().readTree(Path.of("../config/clickstream-http-source.json").toFile());
    Map<String, String> config = new HashMap<>();
    file.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));

    assertThat(file.path("name").asText()).isEqualTo("clickstream-http-source");
    assertThat(config).containsEntry("topic", "clickstream-http-data").containsEntry("http.url", "http://127.0.0.1:8089/v1/events");
    assertValid(config);
  }

  @Test
  void standaloneProperties() throws Exception {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of("src/connect-plugin/etc/http-clickstream-source.properties"))) {
      props.load(in);
    }
    Map<String, String> config = new HashMap<>();
    props.stringPropertyNames().forEach(k -> config.put(k, props.getProperty(k)));

    assertValid(config);
  }
}
