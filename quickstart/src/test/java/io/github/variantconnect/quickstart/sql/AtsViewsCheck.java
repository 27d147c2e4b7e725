package io.github.variantconnect.quickstart.sql;

import io.github.variantconnect.quickstart.sql.AtsFixture.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Every train view checked against the same figures computed in Java from the events the simulator
 * emitted and the deliveries the sink landed. The column lists are the views' contract, shared by
 * both dialects.
 */
final class AtsViewsCheck {

  static final List<String> TRANSFORMED_COLUMNS = List.of("event_id", "train_id", "line_id", "seq",
      "event_time", "station_id", "next_station_id", "latitude", "longitude", "position_km",
      "speed_kmh", "passenger_count", "capacity", "power_kw", "status", "alerts", "alert_count",
      "is_overcrowded", "is_high_power", "load_factor", "kafka_topic", "kafka_partition",
      "kafka_offset", "kafka_timestamp");
  static final List<String> LATEST_STATUS_COLUMNS = List.of("train_id", "line_id", "event_id", "seq",
      "event_time", "station_id", "next_station_id", "latitude", "longitude", "position_km",
      "speed_kmh", "passenger_count", "capacity", "power_kw", "status", "alerts", "alert_count",
      "is_overcrowded", "is_high_power", "load_factor", "is_active");
  static final List<String> ALERTS_COLUMNS = List.of("event_id", "train_id", "line_id", "event_time",
      "alert_type", "status", "station_id", "passenger_count", "power_kw", "is_active");
  static final List<String> HOURLY_STATS_COLUMNS = List.of("event_hour", "events", "trains",
      "active_trains", "avg_passengers", "max_passengers", "avg_power_kw", "max_power_kw",
      "alert_count", "overcrowded_events", "high_power_events", "delayed_events",
      "out_of_service_events");
  static final List<String> KPIS_COLUMNS = List.of("active_trains", "avg_passengers", "avg_power_kw",
      "active_alerts", "reporting_trains", "as_of");

  /** Every object of 10_ats.sql, in creation order, with its columns. */
  static final Map<String, List<String>> OBJECTS = objects();

  private final Connection connection;
  private final RowAssert rows;

  AtsViewsCheck(Connection connection, RowAssert rows) {
    this.connection = connection;
    this.rows = rows;
  }

  void verifyAll(AtsFixture fixture) throws SQLException {
    transformed(fixture);
    latestStatus(fixture);
    alerts(fixture);
    hourlyStats(fixture);
    kpis(fixture);
  }

  void transformed(AtsFixture fixture) throws SQLException {
    Map<String, SinkRow> first = firstDeliveries(fixture.rows);
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Event e : fixture.events) {
      Map<String, Object> row = eventColumns(e);
      SinkRow delivery = first.get(e.eventId());
      row.put("kafka_topic", delivery.topic());
      row.put("kafka_partition", (long) delivery.partition());
      row.put("kafka_offset", delivery.offset());
      row.put("kafka_timestamp", utc(Instant.ofEpochMilli(delivery.createTimeMs())));
      expected.add(row);
    }
    check("ATS_TRANSFORMED", TRANSFORMED_COLUMNS, expected, List.of("event_id"));
  }

  void latestStatus(AtsFixture fixture) throws SQLException {
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Event e : latest(fixture.events).values()) {
      Map<String, Object> row = eventColumns(e);
      row.put("is_active", !e.status().equals("OUT_OF_SERVICE"));
      expected.add(row);
    }
    check("ATS_LATEST_STATUS", LATEST_STATUS_COLUMNS, expected, List.of("train_id"));
  }

  void alerts(AtsFixture fixture) throws SQLException {
    Map<String, Event> latest = latest(fixture.events);
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Event e : fixture.events) {
      for (String alert : e.alerts()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("event_id", e.eventId());
        row.put("train_id", e.trainId());
        row.put("line_id", e.lineId());
        row.put("event_time", utc(e.eventTime()));
        row.put("alert_type", alert);
        row.put("status", e.status());
        row.put("station_id", e.stationId());
        row.put("passenger_count", (long) e.passengerCount());
        row.put("power_kw", e.powerKw());
        row.put("is_active", latest.get(e.trainId()).eventId().equals(e.eventId()));
        expected.add(row);
      }
    }
    check("ATS_ALERTS", ALERTS_COLUMNS, expected, List.of("event_id", "alert_type"));
  }

  void hourlyStats(AtsFixture fixture) throws SQLException {
    Map<Instant, List<Event>> byHour = new TreeMap<>();
    for (Event e : fixture.events) {
      byHour.computeIfAbsent(e.eventTime().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>()).add(e);
    }
    List<Map<String, Object>> expected = new ArrayList<>();
    byHour.forEach((hour, events) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("event_hour", utc(hour));
      row.put("events", (long) events.size());
      row.put("trains", events.stream().map(Event::trainId).distinct().count());
      row.put("active_trains", events.stream()
          .filter(e -> !e.status().equals("OUT_OF_SERVICE")).map(Event::trainId).distinct().count());
      row.put("avg_passengers", mean(events, Event::passengerCount));
      row.put("max_passengers", (long) events.stream().mapToInt(Event::passengerCount).max().orElseThrow());
      row.put("avg_power_kw", mean(events, Event::powerKw));
      row.put("max_power_kw", events.stream().mapToDouble(Event::powerKw).max().orElseThrow());
      row.put("alert_count", events.stream().mapToLong(e -> e.alerts().size()).sum());
      row.put("overcrowded_events", events.stream().filter(e -> e.alerts().contains("OVERCROWDING")).count());
      row.put("high_power_events", events.stream().filter(e -> e.alerts().contains("HIGH_POWER")).count());
      row.put("delayed_events", events.stream().filter(e -> e.status().equals("DELAYED")).count());
      row.put("out_of_service_events",
          events.stream().filter(e -> e.status().equals("OUT_OF_SERVICE")).count());
      expected.add(row);
    });
    check("ATS_HOURLY_STATS", HOURLY_STATS_COLUMNS, expected, List.of("event_hour"));
  }

  void kpis(AtsFixture fixture) throws SQLException {
    kpis(fixture.events);
  }

  void kpis(List<Event> events) throws SQLException {
    check("ATS_KPIS", KPIS_COLUMNS, List.of(expectedKpis(events)), List.of());
  }

  /** The four dashboard figures as sql/README.md defines them. */
  static Map<String, Object> expectedKpis(List<Event> events) {
    List<Event> latest = new ArrayList<>(latest(events).values());
    List<Event> active = latest.stream().filter(e -> !e.status().equals("OUT_OF_SERVICE")).toList();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("active_trains", (long) active.size());
    row.put("avg_passengers", active.isEmpty() ? null : mean(active, Event::passengerCount));
    row.put("avg_power_kw", active.isEmpty() ? null : mean(active, Event::powerKw));
    row.put("active_alerts", latest.stream().mapToLong(e -> e.alerts().size()).sum());
    row.put("reporting_trains", (long) latest.size());
    row.put("as_of", latest.stream().map(Event::eventTime).max(Comparator.naturalOrder())
        .map(AtsViewsCheck::utc).orElse(null));
    return row;
  }

  /** Each train's newest event by event time, then seq. */
  static Map<String, Event> latest(List<Event> events) {
    Comparator<Event> newer = Comparator.comparing(Event::eventTime).thenComparingLong(Event::seq);
    Map<String, Event> latest = new HashMap<>();
    for (Event e : events) {
      latest.merge(e.trainId(), e, (a, b) -> newer.compare(a, b) >= 0 ? a : b);
    }
    return latest;
  }

  /** Each train's last delivery by Kafka offset: what a view ordered by arrival would call latest. */
  static Map<String, String> lastArrivedEventIds(List<SinkRow> rows, Map<String, Event> byId) {
    Map<String, SinkRow> last = new HashMap<>();
    for (SinkRow row : rows) {
      last.merge(byId.get(row.eventId()).trainId(), row, (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    Map<String, String> ids = new HashMap<>();
    last.forEach((train, row) -> ids.put(train, row.eventId()));
    return ids;
  }

  static Map<String, SinkRow> firstDeliveries(List<SinkRow> rows) {
    Map<String, SinkRow> first = new HashMap<>();
    for (SinkRow row : rows) {
      first.merge(row.eventId(), row, (a, b) -> a.offset() <= b.offset() ? a : b);
    }
    return first;
  }

  private void check(String view, List<String> columns, List<Map<String, Object>> expected,
      List<String> key) throws SQLException {
    rows.assertRows(view, Rows.columns(connection, view), Rows.query(connection, "SELECT * FROM " + view),
        columns, expected, key);
  }

  private static Map<String, Object> eventColumns(Event e) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("event_id", e.eventId());
    row.put("train_id", e.trainId());
    row.put("line_id", e.lineId());
    row.put("seq", e.seq());
    row.put("event_time", utc(e.eventTime()));
    row.put("station_id", e.stationId());
    row.put("next_station_id", e.nextStationId());
    row.put("latitude", e.latitude());
    row.put("longitude", e.longitude());
    row.put("position_km", e.positionKm());
    row.put("speed_kmh", e.speedKmh());
    row.put("passenger_count", (long) e.passengerCount());
    row.put("capacity", (long) e.capacity());
    row.put("power_kw", e.powerKw());
    row.put("status", e.status());
    row.put("alerts", e.alerts());
    row.put("alert_count", (long) e.alerts().size());
    row.put("is_overcrowded", e.alerts().contains("OVERCROWDING"));
    row.put("is_high_power", e.alerts().contains("HIGH_POWER"));
    row.put("load_factor", (double) e.passengerCount() / e.capacity());
    return row;
  }

  private static double mean(List<Event> events, ToDoubleFunction<Event> value) {
    return events.stream().mapToDouble(value).average().orElseThrow();
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Map<String, List<String>> objects() {
    Map<String, List<String>> objects = new LinkedHashMap<>();
    objects.put("ATS_RAW_JSON", List.of("record_metadata", "record_content"));
    objects.put("ATS_TRANSFORMED", TRANSFORMED_COLUMNS);
    objects.put("ATS_LATEST_STATUS", LATEST_STATUS_COLUMNS);
    objects.put("ATS_ALERTS", ALERTS_COLUMNS);
    objects.put("ATS_HOURLY_STATS", HOURLY_STATS_COLUMNS);
    objects.put("ATS_KPIS", KPIS_COLUMNS);
    return objects;
  }
}
