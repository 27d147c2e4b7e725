package io.github.variantconnect.bench.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connector registrations shipped in {@code config/}, so the benchmarks run what users run,
 * changed only where a benchmark must (topic, file, bounds of a run).
 */
public final class ConnectorConfigs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConnectorConfigs() {}

  /** The {@code config} object of {@code config/<file>} with the given keys replaced. */
  public static Map<String, String> shipped(String file, Map<String, String> overrides) {
    Path path = Path.of(System.getProperty("variantconnect.config.dir", "config"), file);
    try {
      JsonNode config = JSON.readTree(path.toFile()).path("config");
      Map<String, String> result = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : config.properties()) {
        result.put(entry.getKey(), entry.getValue().asText());
      }
      result.putAll(overrides);
      return result;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the connector config " + path, e);
    }
  }
}
