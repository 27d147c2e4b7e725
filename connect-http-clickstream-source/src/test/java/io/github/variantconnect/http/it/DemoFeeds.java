package io.github.variantconnect.http.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.demoapi.ClickEvent;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.ConnectorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Demo clickstream APIs for the integration tests, and what they served: the ground truth. */
final class DemoFeeds {

  static final String CONNECTOR_CLASS = ConnectorConfig.HTTP_SOURCE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoFeeds() {}

  /**
   * A live feed that ends: {@code initial} events at once, then the rest at {@code perSecond} until
   * {@code total}, so connectors read both a backlog and events appearing while they run.
   */
  static DemoApiConfig.Builder bounded(long seed, long initial, long total, double perSecond) {
    return DemoApiConfig.builder().seed(seed).initialEvents(initial).maxEvents(total).eventsPerSecond(perSecond);
  }

  /** The connector config a user would PUT for the demo API at {@code api}. */
  static Map<String, String> connector(DemoClickstreamApi api, String topic) {
    return ConnectorConfig.of(CONNECTOR_CLASS).tasks(1)
        .set("http.url", api.baseUrl() + "/v1/events")
        .set("topic", topic)
        .set("pagination.limit", "500")
        .set("poll.interval", "200ms")
        .build();
  }

  static Map<String, String> with(Map<String, String> config, String... keyValues) {
    return ConnectorConfig.with(config, keyValues);
  }

  /** Every event of a finished feed by event id, as the JSON object the API serves. */
  static Map<String, JsonNode> truth(DemoClickstreamApi api) {
    List<ClickEvent> events = api.events(0, api.config().maxEvents());
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (ClickEvent event : events) {
      byId.put(event.eventId(), parse(write(event.toMap())));
    }
    return byId;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
