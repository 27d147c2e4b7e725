package io.github.variantconnect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.testkit.ConnectRestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers connector JSON files ({@code {"name": …, "config": {…}}}, the files of {@code config/})
 * through the Connect REST API, as {@code curl -X PUT …/connectors/<name>/config} would, with a few
 * settings of the local stack laid over them.
 */
final class ConnectorRegistrar {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long POLL_MS = 500;

  private final ConnectRestClient rest;

  ConnectorRegistrar(ConnectRestClient rest) {
    this.rest = rest;
  }

  /** A connector file as read: its name, and its config as strings. */
  record Registration(String name, Path file, Map<String, String> config) {

    /** A copy in which each key of {@code overrides} that the file sets gets the new value. */
    Registration overriding(Map<String, String> overrides) {
      Map<String, String> merged = new LinkedHashMap<>(config);
      overrides.forEach((key, value) -> merged.replace(key, value));
      return new Registration(name, file, merged);
    }
  }

  static Registration read(Path file) throws IOException {
    JsonNode root = JSON.readTree(Files.readString(file));
    String name = root.path("name").asText("");
    JsonNode config = root.path("config");
    if (name.isBlank() || !config.isObject()) {
      throw new IOException(file + " must hold {\"name\": ..., \"config\": {...}}");
    }
    Map<String, String> values = new LinkedHashMap<>();
    config.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return new Registration(name, file, values);
  }

  /**
   * Creates or updates the connector. An unchanged config is left alone: a second run finds its
   * connectors already registered (the config topic survives) and they simply resume.
   *
   * @return true if the config was written, false if it was already in place
   */
  boolean register(Registration registration) {
    ConnectRestClient.Response existing = rest.call("GET",
        "connectors/" + registration.name() + "/config", null);
    if (existing.isSuccess() && sameConfig(existing.body(), registration)) {
      return false;
    }
    ConnectRestClient.Response put = rest.call("PUT",
        "connectors/" + registration.name() + "/config", registration.config());
    if (!put.isSuccess()) {
      throw new IllegalStateException("Registering " + registration.file().getFileName()
          + " failed: the worker answered " + put.status() + ": " + put.rawBody());
    }
    return true;
  }

  /**
   * Waits until the connector and all its tasks run.
   *
   * @throws IllegalStateException with the worker's stack trace when the connector or a task
   *     fails, or when it is not running within {@code timeout}
   */
  void awaitRunning(String name, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode status = JSON.nullNode();
    while (System.nanoTime() < deadline) {
      ConnectRestClient.Response response = rest.status(name);
      if (response.isSuccess()) {
        status = response.body();
        String failure = failure(status);
        if (failure != null) {
          throw new IllegalStateException("Connector " + name + " failed:\n" + failure);
        }
        if (allRunning(status)) {
          return;
        }
      }
      Thread.sleep(POLL_MS);
    }
    throw new IllegalStateException("Connector " + name + " is not running after " + timeout
        + "; last status: " + status);
  }

  private static boolean sameConfig(JsonNode existing, Registration registration) {
    Map<String, String> current = new LinkedHashMap<>();
    existing.properties().forEach(e -> current.put(e.getKey(), e.getValue().asText()));
    current.remove("name");
    Map<String, String> wanted = new LinkedHashMap<>(registration.config());
    wanted.remove("name");
    return current.equals(wanted);
  }

  private static boolean allRunning(JsonNode status) {
    if (!"RUNNING".equals(status.path("connector").path("state").asText())
        || status.path("tasks").isEmpty()) {
      return false;
    }
    for (JsonNode task : status.path("tasks")) {
      if (!"RUNNING".equals(task.path("state").asText())) {
        return false;
      }
    }
    return true;
  }

  private static String failure(JsonNode status) {
    if ("FAILED".equals(status.path("connector").path("state").asText())) {
      return status.path("connector").path("trace").asText("(no trace)");
    }
    for (JsonNode task : status.path("tasks")) {
      if ("FAILED".equals(task.path("state").asText())) {
        return "task " + task.path("id").asText() + ": " + task.path("trace").asText("(no trace)");
      }
    }
    return null;
  }
}
