package io.github.variantconnect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The dashboard's four KPIs over one simulated tick, printed when the next tick begins. */
final class TickSummary {

  private String tickTime;
  private int trains;
  private long passengers;
  private int alerts;
  private double powerRunning;
  private int running;

  /** Adds an event; returns the finished line for the previous tick when this one starts a new tick. */
  Optional<String> add(JsonNode event) {
    String time = event.path("event_time").asText();
    Optional<String> line = Optional.empty();
    if (tickTime != null && !tickTime.equals(time)) {
      line = Optional.of(format());
      trains = 0;
      passengers = 0;
      alerts = 0;
      powerRunning = 0;
      running = 0;
    }
    tickTime = time;
    String status = event.path("status").asText();
    if (!"OUT_OF_SERVICE".equals(status)) {
      trains++;
      passengers += event.path("passenger_count").asLong();
    }
    if ("RUNNING".equals(status) || "DELAYED".equals(status)) {
      running++;
      powerRunning += event.path("power_kw").asDouble();
    }
    alerts += event.path("alerts").size();
    return line;
  }

  private String format() {
    return String.format(
        "%s  active trains %3d | avg passengers %5.1f | active alerts %3d | avg power %6.1f kW",
        tickTime,
        trains,
        trains == 0 ? 0.0 : (double) passengers / trains,
        alerts,
        running == 0 ? 0.0 : powerRunning / running);
  }
}
