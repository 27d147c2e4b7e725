package io.github.variantconnect.demoapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain java.net.http calls against a running API, as a connector would make them. */
final class TestHttp {
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  static final HttpClient CLIENT = client(HttpClient.Redirect.NEVER);
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private TestHttp() {}

  static HttpClient client(HttpClient.Redirect redirects) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(redirects)
        .build();
  }

  /** A feed that does not grow: every event exists from the start. */
  static DemoApiConfig.Builder staticFeed(long events) {
    return DemoApiConfig.builder().start(START).eventsPerSecond(100)
        .initialEvents(events).maxEvents(events);
  }

  static HttpResponse<String> get(String url, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
  }

  static HttpResponse<String> post(String url, String body, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(url))
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    return send(CLIENT, request, headers);
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request,
      String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("data").forEach(event -> ids.add(event.get("event_id").asText()));
    return ids;
  }

  static List<String> ids(List<ClickEvent> events) {
    return events.stream().map(ClickEvent::eventId).toList();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> dataAsMaps(JsonNode page) {
    List<Map<String, Object>> events = new ArrayList<>();
    page.get("data").forEach(event -> events.add(JSON.convertValue(event, Map.class)));
    return events;
  }
}
