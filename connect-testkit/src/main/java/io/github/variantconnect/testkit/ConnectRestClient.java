package io.github.variantconnect.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The Connect REST API, as a user drives it with curl. */
public final class ConnectRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<URI> baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The base URL is looked up per call, so a client outlives worker restarts. */
  public ConnectRestClient(Supplier<URI> baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** {@code PUT /connector-plugins/{class}/config/validate}: the raw validation answer. */
  public JsonNode validate(String connectorClass, Map<String, String> config) {
    Map<String, String> body = new LinkedHashMap<>(config);
    body.putIfAbsent("connector.class", connectorClass);
    body.putIfAbsent("name", "validation-probe");
    return call("PUT", "connector-plugins/" + encode(connectorClass) + "/config/validate", body)
        .ok()
        .body();
  }

  /** Config keys that failed validation, with their messages; empty when the config is valid. */
  public Map<String, List<String>> validationErrors(String connectorClass, Map<String, String> config) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (JsonNode entry : validate(connectorClass, config).path("configs")) {
      JsonNode value = entry.path("value");
      for (JsonNode error : value.path("errors")) {
        errors.computeIfAbsent(value.path("name").asText(), k -> new ArrayList<>()).add(error.asText());
      }
    }
    return errors;
  }

  /** {@code PUT /connectors/{name}/config}: creates or updates. */
  public JsonNode putConfig(String name, Map<String, String> config) {
    return call("PUT", "connectors/" + encode(name) + "/config", config).ok().body();
  }

  public JsonNode config(String name) {
    return call("GET", "connectors/" + encode(name) + "/config", null).ok().body();
  }

  public List<String> connectors() {
    return JSON.convertValue(
        call("GET", "connectors", null).ok().body(),
        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  public JsonNode connectorPlugins() {
    return call("GET", "connector-plugins", null).ok().body();
  }

  public Response status(String name) {
    return call("GET", "connectors/" + encode(name) + "/status", null);
  }

  public void pause(String name) {
    call("PUT", "connectors/" + encode(name) + "/pause", null).ok();
  }

  public void resume(String name) {
    call("PUT", "connectors/" + encode(name) + "/resume", null).ok();
  }

  /** {@code PUT /connectors/{name}/stop}: tasks shut down; required before altering offsets. */
  public void stopConnector(String name) {
    call("PUT", "connectors/" + encode(name) + "/stop", null).ok();
  }

  /**
   * {@code POST /connectors/{name}/restart}. A 409 means the herder's view of the configs is stale
   * while a rebalance or config change is in flight (Connect's {@code DistributedHerder} answers
   * "Cannot complete request momentarily due to stale configuration"); it is asked again until the
   * rebalance settles, for up to a minute.
   */
  public void restart(String name, boolean includeTasks, boolean onlyFailed) {
    String path = "connectors/" + encode(name) + "/restart?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed;
    long giveUpAt = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    Response response = call("POST", path, null);
    while (response.status() == 409 && System.nanoTime() < giveUpAt) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("POST " + path + " interrupted", e);
      }
      response = call("POST", path, null);
    }
    response.ok();
  }

  public void delete(String name) {
    call("DELETE", "connectors/" + encode(name), null).ok();
  }

  /** KIP-875 {@code GET /connectors/{name}/offsets}. */
  public JsonNode offsets(String name) {
    return call("GET", "connectors/" + encode(name) + "/offsets", null).ok().body();
  }

  /** KIP-875 {@code PATCH /connectors/{name}/offsets}; the connector must be stopped. */
  public Response alterOffsets(String name, JsonNode offsets) {
    return call("PATCH", "connectors/" + encode(name) + "/offsets", offsets);
  }

  /** KIP-875 {@code DELETE /connectors/{name}/offsets}; the connector must be stopped. */
  public Response resetOffsets(String name) {
    return call("DELETE", "connectors/" + encode(name) + "/offsets", null);
  }

  /** Any REST call; for paths the helpers above do not cover. */
  public Response call(String method, String path, Object body) {
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
      HttpRequest request =
          HttpRequest.newBuilder(baseUrl.get().resolve(path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .method(method, publisher)
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(method + " " + path, response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A REST answer: status code and JSON body. */
  public record Response(String request, int status, String rawBody) {

    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }

    public Response ok() {
      if (!isSuccess()) {
        throw new IllegalStateException(request + " answered " + status + ": " + rawBody);
      }
      return this;
    }

    public JsonNode body() {
      try {
        return rawBody == null || rawBody.isBlank()
            ? JSON.nullNode()
            : JSON.readTree(rawBody);
      } catch (IOException e) {
        throw new IllegalStateException(request + " answered non-JSON: " + rawBody, e);
      }
    }
  }
}
