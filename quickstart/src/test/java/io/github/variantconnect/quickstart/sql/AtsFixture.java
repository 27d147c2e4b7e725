package io.github.variantconnect.quickstart.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.ats.sim.Line;
import io.github.variantconnect.ats.sim.LineSimulation;
import io.github.variantconnect.ats.sim.MetroNetwork;
import io.github.variantconnect.ats.sim.SimulationSettings;
import io.github.variantconnect.ats.sim.TrainSnapshot;
import io.github.variantconnect.ats.source.TelemetrySchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * ATS telemetry from the real simulator, encoded by the source's own schema and the JsonConverter
 * (schemas off) as the pipeline does, and delivered to the sink the way Kafka can: the last-but-one
 * tick of every other train arrives late (after the newest tick), a few sends are retried
 * (duplicates right behind the original), and a source restart replays the last ticks of the
 * first line (duplicates at the end).
 */
final class AtsFixture {

  static final String TOPIC = "ats-telemetry";
  static final Instant START = Instant.parse("2025-03-03T07:20:00Z");
  private static final int PARTITIONS = 3;
  private static final int REPLAYED_TICKS = 20;

  /** One telemetry event as the source emitted it: the ground truth the views are checked against. */
  record Event(
      String eventId,
      String trainId,
      String lineId,
      long seq,
      Instant eventTime,
      String stationId,
      String nextStationId,
      double latitude,
      double longitude,
      double positionKm,
      double speedKmh,
      int passengerCount,
      int capacity,
      double powerKw,
      String status,
      List<String> alerts) {

    static Event of(Struct s) {
      List<String> alerts = new ArrayList<>();
      for (Object alert : s.getArray("alerts")) {
        alerts.add((String) alert);
      }
      return new Event(s.getString("event_id"), s.getString("train_id"), s.getString("line_id"),
          s.getInt64("seq"), Instant.parse(s.getString("event_time")), s.getString("station_id"),
          s.getString("next_station_id"), s.getFloat64("latitude"), s.getFloat64("longitude"),
          s.getFloat64("position_km"), s.getFloat64("speed_kmh"), s.getInt32("passenger_count"),
          s.getInt32("capacity"), s.getFloat64("power_kw"), s.getString("status"), List.copyOf(alerts));
    }

    /** The same event read back from the topic, where the JsonConverter (schemas off) wrote it. */
    static Event fromJson(JsonNode n) {
      List<String> alerts = new ArrayList<>();
      n.path("alerts").forEach(alert -> alerts.add(alert.asText()));
      return new Event(n.get("event_id").asText(), n.get("train_id").asText(), n.get("line_id").asText(),
          n.get("seq").asLong(), Instant.parse(n.get("event_time").asText()), text(n, "station_id"),
          text(n, "next_station_id"), n.get("latitude").asDouble(), n.get("longitude").asDouble(),
          n.get("position_km").asDouble(), n.get("speed_kmh").asDouble(), n.get("passenger_count").asInt(),
          n.get("capacity").asInt(), n.get("power_kw").asDouble(), n.get("status").asText(),
          List.copyOf(alerts));
    }

    private static String text(JsonNode n, String field) {
      JsonNode value = n.get(field);
      return value == null || value.isNull() ? null : value.asText();
    }
  }

  final List<Event> events;
  final List<SinkRow> rows;

  /** Also for checking rows that a real pipeline landed: the events sent and the rows found. */
  AtsFixture(List<Event> events, List<SinkRow> rows) {
    this.events = List.copyOf(events);
    this.rows = rows;
  }

  /**
   * @param lines how many lines of the default network to simulate
   * @param ticks simulated ticks of 30 s each
   */
  static AtsFixture generate(long seed, int lines, int ticks) {
    // Incidents and faults far above the defaults, so a short run sees DELAYED and OUT_OF_SERVICE.
    SimulationSettings settings = SimulationSettings.defaults(seed).withIncidentRates(40, 15);
    List<LineSimulation> simulations = new ArrayList<>();
    for (Line line : MetroNetwork.defaultNetwork().lines().subList(0, lines)) {
      simulations.add(new LineSimulation(line, settings, START));
    }
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", "false"), false);
    Random random = new Random(seed);
    TopicLog log = new TopicLog(TOPIC, PARTITIONS);
    List<Event> events = new ArrayList<>();
    List<Event> heldBack = new ArrayList<>();
    List<Event> replayed = new ArrayList<>();
    Map<String, String> json = new HashMap<>();

    for (int tick = 0; tick < ticks; tick++) {
      for (LineSimulation simulation : simulations) {
        List<TrainSnapshot> snapshots = simulation.snapshots();
        for (int t = 0; t < snapshots.size(); t++) {
          Struct struct = TelemetrySchema.toStruct(snapshots.get(t));
          Event event = Event.of(struct);
          events.add(event);
          json.put(event.eventId(), new String(
              converter.fromConnectData(TOPIC, TelemetrySchema.VALUE, struct), StandardCharsets.UTF_8));
          if (simulation == simulations.get(0) && tick >= ticks - REPLAYED_TICKS) {
            replayed.add(event);
          }
          if (tick == ticks - 2 && t % 2 == 0) {
            heldBack.add(event);
            continue;
          }
          long created = event.eventTime().toEpochMilli() + 25;
          deliver(log, event, created, json, Map.of());
          if (random.nextDouble() < 0.02) {
            deliver(log, event, created + 5, json, Map.of());
          }
        }
        simulation.advance();
      }
    }
    long end = events.get(events.size() - 1).eventTime().toEpochMilli();
    for (Event event : heldBack) {
      deliver(log, event, end + 60_000, json, Map.of());
    }
    for (Event event : replayed) {
      deliver(log, event, end + 120_000, json, Map.of("replay", "source-restart"));
    }
    return new AtsFixture(events, log.landedRows(seed));
  }

  private static void deliver(TopicLog log, Event event, long createdMs, Map<String, String> json,
      Map<String, String> headers) {
    log.append(event.trainId(), createdMs, headers, event.eventId(), json.get(event.eventId()));
  }
}
