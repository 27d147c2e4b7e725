package io.github.variantconnect.ats.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every line of a network for a number of ticks and checks each snapshot against the invariants
 * of the simulation, keeping counts for the calibration checks and the first few violations of each
 * rule (so a failing test shows examples rather than just a count).
 */
final class DayStats {

  private static final int EXAMPLES_PER_RULE = 5;

  long events;
  long passengerSum;
  long movingEvents;
  double movingPowerSum;
  long eventsWithAlert;
  long overcrowding;
  long highPower;
  double minPower = Double.POSITIVE_INFINITY;
  double maxPower = Double.NEGATIVE_INFINITY;
  final Map<TrainStatus, Long> statusCounts = new EnumMap<>(TrainStatus.class);
  final Map<Motion, Long> motionCounts = new EnumMap<>(Motion.class);
  final long[] passengersByHour = new long[24];
  final long[] eventsByHour = new long[24];
  final Set<String> trainsSeenOutOfService = new HashSet<>();
  final Set<String> trainsSeenDelayed = new HashSet<>();
  final Map<String, Set<String>> terminalsVisited = new HashMap<>();
  private final Map<String, List<String>> violations = new LinkedHashMap<>();

  static DayStats simulate(MetroNetwork network, SimulationSettings settings, Instant start, int ticks) {
    DayStats stats = new DayStats();
    for (Line line : network.lines()) {
      LineSimulation sim = new LineSimulation(line, settings, start);
      for (int tick = 0; tick < ticks; tick++) {
        stats.check(line, settings, sim.ticks(), sim.time(), sim.snapshots());
        sim.advance();
      }
    }
    return stats;
  }

  List<String> violations(String rule) {
    return violations.getOrDefault(rule, List.of());
  }

  Set<String> rulesViolated() {
    return violations.keySet();
  }

  double averagePassengers() {
    return (double) passengerSum / events;
  }

  double averagePowerOfMovingTrains() {
    return movingPowerSum / movingEvents;
  }

  double alertShare() {
    return (double) eventsWithAlert / events;
  }

  double averagePassengersInHour(int hour) {
    return (double) passengersByHour[hour] / eventsByHour[hour];
  }

  long count(TrainStatus status) {
    return statusCounts.getOrDefault(status, 0L);
  }

  private void violation(String rule, Object example) {
    List<String> list = violations.computeIfAbsent(rule, r -> new ArrayList<>());
    if (list.size() < EXAMPLES_PER_RULE) {
      list.add(String.valueOf(example));
    }
  }

  void check(Line line, SimulationSettings settings, long tick, Instant time, List<TrainSnapshot> snapshots) {
    if (snapshots.size() != line.trainCount()) {
      violation("one snapshot per train", line.id() + " tick " + tick + ": " + snapshots.size());
    }
    Set<Integer> blocks = new HashSet<>();
    Map<String, Station> stations = new HashMap<>();
    line.stations().forEach(s -> stations.put(s.id(), s));
    for (int i = 0; i < snapshots.size(); i++) {
      TrainSnapshot s = snapshots.get(i);
      events++;
      passengerSum += s.passengerCount();
      int hour = s.eventTime().atZone(ZoneOffset.UTC).getHour();
      passengersByHour[hour] += s.passengerCount();
      eventsByHour[hour]++;
      statusCounts.merge(s.status(), 1L, Long::sum);
      motionCounts.merge(s.motion(), 1L, Long::sum);
      minPower = Math.min(minPower, s.powerKw());
      maxPower = Math.max(maxPower, s.powerKw());
      if (s.speedKmh() > 0) {
        movingEvents++;
        movingPowerSum += s.powerKw();
      }
      if (!s.alerts().isEmpty()) {
        eventsWithAlert++;
      }
      if (s.alerts().contains(TrainSnapshot.OVERCROWDING)) {
        overcrowding++;
      }
      if (s.alerts().contains(TrainSnapshot.HIGH_POWER)) {
        highPower++;
      }
      if (s.status() == TrainStatus.OUT_OF_SERVICE) {
        trainsSeenOutOfService.add(s.trainId());
      }
      if (s.status() == TrainStatus.DELAYED) {
        trainsSeenDelayed.add(s.trainId());
      }
      if (!s.trainId().equals(line.trainIds().get(i)) || !s.lineId().equals(line.id())) {
        violation("train order", s);
      }
      if (s.seq() != tick || !s.eventTime().equals(time)) {
        violation("seq and time", s);
      }
      if (s.speedKmh() > s.speedLimitKmh() || s.speedLimitKmh() > line.speedLimitKmh() || s.speedKmh() < 0) {
        violation("speed limit", s);
      }
      if (s.blockIndex() >= 0 && !blocks.add(s.blockIndex())) {
        violation("one train per block", s);
      }
      if (s.blockIndex() < -1 || s.blockIndex() >= 2 * line.blocksPerDirection()) {
        violation("block range", s);
      }
      if (s.passengerCount() < 0 || s.passengerCount() > s.capacity()) {
        violation("passengers within capacity", s);
      }
      if (s.powerKw() < -2000 || s.powerKw() > 2000 || !Double.isFinite(s.powerKw())) {
        violation("power bounded", s);
      }
      if (s.powerKw() < 0 && s.motion() != Motion.BRAKING) {
        violation("negative power only while braking", s);
      }
      boolean crowded = s.passengerCount() > settings.passengerAlertThreshold();
      boolean power = s.powerKw() > settings.powerAlertThresholdKw();
      if (crowded != s.alerts().contains(TrainSnapshot.OVERCROWDING)
          || power != s.alerts().contains(TrainSnapshot.HIGH_POWER)
          || s.alerts().size() != (crowded ? 1 : 0) + (power ? 1 : 0)) {
        violation("alerts match thresholds", s);
      }
      checkPlacement(line, stations, s);
    }
  }

  private void checkPlacement(Line line, Map<String, Station> stations, TrainSnapshot s) {
    Station at = stations.get(s.stationId());
    Station next = stations.get(s.nextStationId());
    if (at == null || next == null || at.equals(next)) {
      violation("station ids", s);
      return;
    }
    if (s.positionKm() < 0 || s.positionKm() > line.lengthKm()) {
      violation("position on the line", s);
    }
    // The train is at `at` or between it and `next`, whichever way it is going.
    double low = Math.min(at.positionKm(), next.positionKm()) - 0.001;
    double high = Math.max(at.positionKm(), next.positionKm()) + 0.001;
    if (s.positionKm() < low || s.positionKm() > high) {
      violation("position between station and next station", s);
    }
    double latLow = Math.min(at.latitude(), next.latitude()) - 1e-5;
    double latHigh = Math.max(at.latitude(), next.latitude()) + 1e-5;
    if (s.latitude() < latLow || s.latitude() > latHigh) {
      violation("latitude interpolated between stations", s);
    }
    boolean stopped = s.speedKmh() == 0;
    if (s.status() == TrainStatus.DWELLING && (!stopped || Math.abs(s.positionKm() - at.positionKm()) > 0.001)) {
      violation("dwelling trains stand at their station", s);
    }
    if (s.status() == TrainStatus.OUT_OF_SERVICE && (!stopped || s.motion() != Motion.STOPPED)) {
      violation("out-of-service trains stand still", s);
    }
    if (s.blockIndex() == -1 && (s.status() != TrainStatus.OUT_OF_SERVICE || s.passengerCount() != 0)) {
      violation("only empty out-of-service trains leave the running line", s);
    }
    if (s.motion() == Motion.STOPPED && !stopped) {
      violation("stopped means speed 0", s);
    }
    if (at.positionKm() == 0 || at.positionKm() == line.lengthKm()) {
      terminalsVisited.computeIfAbsent(s.trainId(), k -> new HashSet<>()).add(at.id());
    }
  }
}
