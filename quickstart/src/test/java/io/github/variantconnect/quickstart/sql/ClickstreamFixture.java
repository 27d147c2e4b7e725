package io.github.variantconnect.quickstart.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.demoapi.ClickEvent;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Clickstream from the demo API's generator (the events the API serves, as JSON objects the HTTP
 * source passes through), delivered to the sink the way it can happen: a few percent of events
 * arrive late, and so do all page views of every third session that fills a cart (so a funnel
 * ordered by arrival would lose those sessions); a few percent are delivered twice; and a handful
 * of purchases are redelivered with a different price and quantity, which only the first
 * delivery may count.
 */
final class ClickstreamFixture {

  static final String TOPIC = "clickstream-http-data";
  /** Late evening, so the run crosses midnight: two days, several hours. */
  static final Instant START = Instant.parse("2025-03-03T22:10:00Z");
  private static final int PARTITIONS = 2;
  private static final int TAMPERED_PURCHASES = 12;
  private static final ObjectMapper JSON = new ObjectMapper();

  final List<ClickEvent> events;
  final List<SinkRow> rows;

  /** Also for checking rows that a real pipeline landed: the events sent and the rows found. */
  ClickstreamFixture(List<ClickEvent> events, List<SinkRow> rows) {
    this.events = List.copyOf(events);
    this.rows = rows;
  }

  static ClickstreamFixture generate(long seed, int count) {
    List<ClickEvent> events;
    DemoApiConfig config = DemoApiConfig.builder()
        .port(0)
        .seed(seed)
        .start(START)
        .eventsPerSecond(0.5)
        .initialEvents(count)
        .users(150)
        .build();
    try (DemoClickstreamApi api = DemoClickstreamApi.start(config)) {
      events = api.events(0, count);
    }

    Set<String> lateSessions = lateSessions(events);
    Random random = new Random(seed);
    // Partitioned by session, as a keyed producer would: a session's deliveries keep their order.
    TopicLog log = new TopicLog(TOPIC, PARTITIONS);
    List<ClickEvent> heldBack = new ArrayList<>();
    List<ClickEvent> redelivered = new ArrayList<>();
    for (ClickEvent event : events) {
      boolean late = random.nextDouble() < 0.04
          || (lateSessions.contains(event.sessionId()) && event.eventType().equals("page_view"));
      if (late) {
        heldBack.add(event);
      } else {
        log.append(event.sessionId(), event.eventTime().toEpochMilli() + 300, Map.of(),
            event.eventId(), json(event.toMap()));
      }
      if (random.nextDouble() < 0.03) {
        redelivered.add(event);
      }
    }
    long end = events.get(events.size() - 1).eventTime().toEpochMilli();
    for (ClickEvent event : heldBack) {
      log.append(event.sessionId(), end + 30 * 60_000, Map.of(), event.eventId(), json(event.toMap()));
    }
    for (ClickEvent event : redelivered) {
      log.append(event.sessionId(), end + 31 * 60_000, Map.of("redelivery", "poll-retry"),
          event.eventId(), json(event.toMap()));
    }
    events.stream()
        .filter(e -> e.eventType().equals("purchase"))
        .limit(TAMPERED_PURCHASES)
        .forEach(e -> log.append(e.sessionId(), end + 32 * 60_000, Map.of(), e.eventId(), json(tampered(e))));
    return new ClickstreamFixture(events, log.landedRows(seed));
  }

  /** Every third session that adds to its cart, in order of first appearance. */
  private static Set<String> lateSessions(List<ClickEvent> events) {
    Set<String> carting = new LinkedHashSet<>();
    for (ClickEvent event : events) {
      if (event.eventType().equals("add_to_cart")) {
        carting.add(event.sessionId());
      }
    }
    Set<String> late = new HashSet<>();
    int i = 0;
    for (String session : carting) {
      if (i++ % 3 == 0) {
        late.add(session);
      }
    }
    return late;
  }

  private static Map<String, Object> tampered(ClickEvent event) {
    Map<String, Object> map = new LinkedHashMap<>(event.toMap());
    map.put("price", event.price().multiply(BigDecimal.TEN));
    map.put("quantity", event.quantity() + 1);
    return map;
  }

  private static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
