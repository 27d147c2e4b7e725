package io.github.variantconnect.ats.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The ATS telemetry data contract of DESIGN.md, checked on what a consumer reads from the topic
 * (JsonConverter, schemas.enable=false). Written from the contract, not from the connector's code.
 */
final class TelemetryContract {

  static final Set<String> STATUSES = Set.of("RUNNING", "DWELLING", "DELAYED", "OUT_OF_SERVICE");
  static final Set<String> ALERTS = Set.of("OVERCROWDING", "HIGH_POWER");
  private static final List<String> TEXT_FIELDS =
      List.of("event_id", "train_id", "line_id", "event_time", "station_id", "next_station_id", "status");
  private static final List<String> NUMBER_FIELDS =
      List.of("latitude", "longitude", "position_km", "speed_kmh", "power_kw");
  private static final List<String> INT_FIELDS = List.of("seq", "passenger_count", "capacity");

  private TelemetryContract() {}

  /** Every way the record breaks the contract; empty when it holds. */
  static List<String> violations(ConsumerRecord<String, String> record, JsonNode event) {
    List<String> problems = new ArrayList<>();
    TEXT_FIELDS.forEach(f -> { if (!event.path(f).isTextual() || event.path(f).asText().isBlank()) problems.add(f + " not a non-empty string"); });
    NUMBER_FIELDS.forEach(f -> { if (!event.path(f).isNumber()) problems.add(f + " not a number"); });
    INT_FIELDS.forEach(f -> { if (!event.path(f).isIntegralNumber()) problems.add(f + " not an integer"); });
    if (!problems.isEmpty()) {
      return problems;
    }
    String train = event.get("train_id").asText();
    long seq = event.get("seq").asLong();
    if (!event.get("event_id").asText().equals(train + "-" + seq)) {
      problems.add("event_id " + event.get("event_id") + " is not derived from train and seq");
    }
    if (!train.equals(record.key())) {
      problems.add("record key " + record.key() + " is not the train id " + train);
    }
    Instant time = Instant.parse(event.get("event_time").asText());
    if (time.toEpochMilli() != record.timestamp()) {
      problems.add("record timestamp " + record.timestamp() + " differs from event_time " + time);
    }
    if (!event.get("event_time").asText().endsWith("Z")) {
      problems.add("event_time not UTC: " + event.get("event_time"));
    }
    double lat = event.get("latitude").asDouble();
    double lon = event.get("longitude").asDouble();
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      problems.add("coordinates out of range: " + lat + "," + lon);
    }
    double speed = event.get("speed_kmh").asDouble();
    if (speed < 0 || speed > 160) {
      problems.add("speed_kmh implausible: " + speed);
    }
    int passengers = event.get("passenger_count").asInt();
    int capacity = event.get("capacity").asInt();
    if (passengers < 0 || passengers > capacity) {
      problems.add("passenger_count " + passengers + " outside [0, " + capacity + "]");
    }
    String status = event.get("status").asText();
    if (!STATUSES.contains(status)) {
      problems.add("unknown status " + status);
    }
    JsonNode alerts = event.path("alerts");
    if (!alerts.isArray()) {
      problems.add("alerts not a list");
    } else {
      alerts.forEach(a -> { if (!ALERTS.contains(a.asText())) problems.add("unknown alert " + a); });
      boolean overcrowded = passengers > 600;
      double power = event.get("power_kw").asDouble();
      boolean highPower = power > 150.0;
      if (overcrowded != contains(alerts, "OVERCROWDING")) {
        problems.add("OVERCROWDING alert " + (overcrowded ? "missing" : "wrong") + " at " + passengers + " passengers");
      }
      // power_kw is rounded to 0.1 kW on the wire; the alert is decided on the exact value.
      if (Math.abs(power - 150.0) > 0.05 && highPower != contains(alerts, "HIGH_POWER")) {
        problems.add("HIGH_POWER alert " + (highPower ? "missing" : "wrong") + " at " + event.get("power_kw") + " kW");
      }
    }
    if (("DWELLING".equals(status) || "OUT_OF_SERVICE".equals(status)) && speed > 0) {
      problems.add(status + " train moving at " + speed + " km/h");
    }
    return problems;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.asText())) {
        return true;
      }
    }
    return false;
  }
}
