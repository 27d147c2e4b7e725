package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Behaviour of single lines built for the purpose, observed at every simulated second. */
class LineSimulationTest {

  private static final Instant START = Instant.parse("2025-06-02T07:00:00Z");
  private static final SimulationSettings EVERY_SECOND_NO_INCIDENTS =
      SimulationSettings.defaults(3L).withTick(Duration.ofSeconds(1)).withIncidentRates(0, 0);

  private static Line line(int trains, double speedLimit, List<SpeedRestriction> restrictions, double... km) {
    List<Station> stations = new ArrayList<>();
    for (int i = 0; i < km.length; i++) {
      stations.add(new Station("S" + (i + 1), "Station " + (i + 1), km[i], 47 + km[i] / 100, 9 + km[i] / 150));
    }
    return new Line("T", "Test line", stations, speedLimit, trains, 0.5, restrictions);
  }

  private static List<TrainSnapshot> run(Line line, SimulationSettings settings, Instant start, int ticks,
      Consumer<List<TrainSnapshot>> eachTick) {
    LineSimulation sim = new LineSimulation(line, settings, start);
    List<TrainSnapshot> all = new ArrayList<>();
    for (int i = 0; i < ticks; i++) {
      List<TrainSnapshot> snapshots = sim.snapshots();
      eachTick.accept(snapshots);
      all.addAll(snapshots);
      sim.advance();
    }
    return all;
  }

  private static List<TrainSnapshot> run(Line line, SimulationSettings settings, int ticks) {
    return run(line, settings, START, ticks, s -> {});
  }

  @Test
  void aTrainCallsAtEveryStationAndTurnsBackAtTheTerminals() {
    Line line = line(1, 70, List.of(), 0, 1.2, 2.5, 3.6, 5.0);
    List<TrainSnapshot> run = run(line, EVERY_SECOND_NO_INCIDENTS, 2 * 3600);
    List<String> calls = new ArrayList<>();
    for (TrainSnapshot s : run) {
      boolean newCall = calls.isEmpty() || !calls.get(calls.size() - 1).equals(s.stationId());
      if (s.status() == TrainStatus.DWELLING && newCall) {
        calls.add(s.stationId());
      }
    }
    assertThat(calls.subList(0, 9)).containsExactly("S1", "S2", "S3", "S4", "S5", "S4", "S3", "S2", "S1");
    assertThat(run).extracting(TrainSnapshot::motion).contains(Motion.values());
    assertThat(run).allSatisfy(s -> assertThat(s.speedKmh()).isLessThanOrEqualTo(s.speedLimitKmh()));
    assertThat(run).extracting(TrainSnapshot::speedKmh).anySatisfy(v -> assertThat(v).isGreaterThan(40));
  }

  @Test
  void accelerationAndBrakingAreThoseOfAMetroTrain() {
    Line line = line(1, 80, List.of(), 0, 1.3, 2.6, 4.0);
    List<TrainSnapshot> run = run(line, EVERY_SECOND_NO_INCIDENTS, 1800);
    for (int i = 1; i < run.size(); i++) {
      double dv = (run.get(i).speedKmh() - run.get(i - 1).speedKmh()) / 3.6;
      // 1.1 m/s² motoring and 0.9 m/s² service braking, plus rounding of the reported speeds.
      assertThat(dv).isBetween(-1.0, 1.11);
    }
  }

  @Test
  void speedRestrictionsHoldOverTheirStretch() {
    Line line = line(2, 70, List.of(new SpeedRestriction(2.0, 3.0, 30)), 0, 1.5, 4.0, 5.5);
    List<TrainSnapshot> run = run(line, EVERY_SECOND_NO_INCIDENTS, 3600);
    List<TrainSnapshot> inside =
        run.stream().filter(s -> s.positionKm() > 2.02 && s.positionKm() < 2.98).toList();
    assertThat(inside).isNotEmpty().allSatisfy(s -> {
      assertThat(s.speedLimitKmh()).isEqualTo(30.0);
      assertThat(s.speedKmh()).isLessThanOrEqualTo(30.0);
    });
    assertThat(inside).anySatisfy(s -> assertThat(s.speedKmh()).isGreaterThan(25.0));
    assertThat(run).anySatisfy(s -> assertThat(s.speedKmh()).isGreaterThan(40.0));
  }

  @Test
  void aFullLineQueuesAtRedSignalsWithoutEverSharingABlock() {
    // 3 km, blocks of 0.5 km: 12 blocks and the maximum of 6 trains.
    Line line = line(6, 80, List.of(), 0, 1.0, 2.0, 3.0);
    SimulationSettings settings = EVERY_SECOND_NO_INCIDENTS.withIncidentRates(50, 0);
    Map<String, Set<String>> stationsCalled = new HashMap<>();
    List<TrainSnapshot> run = run(line, settings, START, 2 * 3600, tick -> {
      Set<Integer> blocks = new HashSet<>();
      for (TrainSnapshot s : tick) {
        assertThat(blocks.add(s.blockIndex())).as("block %d held twice at %s", s.blockIndex(), s.eventTime())
            .isTrue();
        stationsCalled.computeIfAbsent(s.trainId(), k -> new HashSet<>()).add(s.stationId());
      }
    });
    Set<Double> platforms = Set.of(0.0, 1.0, 2.0, 3.0);
    assertThat(run).filteredOn(s -> s.status() == TrainStatus.RUNNING && s.speedKmh() == 0
        && !platforms.contains(s.positionKm())).as("trains held at red signals").isNotEmpty();
    assertThat(stationsCalled.values()).hasSize(6).allSatisfy(called -> assertThat(called).hasSize(4));
  }

  @Test
  void failedTrainsAreDetrainedWithdrawnAndComeBack() {
    Line line = line(4, 80, List.of(), 0, 1.2, 2.4, 3.5, 4.8);
    SimulationSettings settings = SimulationSettings.defaults(5L).withTick(Duration.ofSeconds(10))
        .withIncidentRates(0, 12);
    List<TrainSnapshot> run = run(line, settings, 6 * 360);
    List<TrainSnapshot> outOfService =
        run.stream().filter(s -> s.status() == TrainStatus.OUT_OF_SERVICE).toList();
    assertThat(outOfService).isNotEmpty().allSatisfy(s -> {
      assertThat(s.speedKmh()).isZero();
      assertThat(s.passengerCount()).isZero();
      assertThat(s.powerKw()).isBetween(0.0, 50.0);
    });
    assertThat(outOfService).anySatisfy(s -> assertThat(s.blockIndex()).isEqualTo(-1));
    assertThat(outOfService).anySatisfy(s -> assertThat(s.blockIndex()).isNotNegative());
    Set<String> returned = new HashSet<>();
    Set<String> failed = new HashSet<>();
    for (TrainSnapshot s : run) {
      if (s.status() == TrainStatus.OUT_OF_SERVICE) {
        failed.add(s.trainId());
      } else if (failed.contains(s.trainId()) && s.status() == TrainStatus.RUNNING) {
        returned.add(s.trainId());
      }
    }
    assertThat(returned).isNotEmpty();
  }

  @Test
  void incidentsHoldTrainsAtPlatformsOrSlowThemDown() {
    Line line = line(4, 80, List.of(), 0, 1.2, 2.4, 3.5, 4.8);
    SimulationSettings settings = SimulationSettings.defaults(9L).withTick(Duration.ofSeconds(5))
        .withIncidentRates(100, 0);
    List<TrainSnapshot> delayed = run(line, settings, 4 * 720).stream()
        .filter(s -> s.status() == TrainStatus.DELAYED).toList();
    assertThat(delayed).anySatisfy(s -> {
      assertThat(s.speedKmh()).isZero();
      assertThat(s.motion()).isEqualTo(Motion.STOPPED);
    });
    assertThat(delayed).anySatisfy(s -> assertThat(s.speedKmh()).isGreaterThan(5).isLessThanOrEqualTo(25.0));
  }

  @Test
  void theSmallestLineShuttlesItsOneTrain() {
    // 0.4 km with 0.5 km blocks: one block each way, so one train.
    Line line = line(1, 60, List.of(), 0, 0.4);
    List<TrainSnapshot> run = run(line, EVERY_SECOND_NO_INCIDENTS, 1800);
    assertThat(run).extracting(TrainSnapshot::stationId).contains("S1", "S2");
    assertThat(run).extracting(TrainSnapshot::blockIndex).containsOnly(0, 1);
    assertThat(run).allSatisfy(s -> assertThat(s.speedKmh()).isLessThanOrEqualTo(60.0));
  }

  @Test
  void ticksNeedNotBeWholeSeconds() {
    Line line = line(3, 80, List.of(), 0, 1.2, 2.4, 3.5);
    for (Duration tick : List.of(Duration.ofMillis(1500), Duration.ofMillis(250), Duration.ofSeconds(45))) {
      SimulationSettings settings = EVERY_SECOND_NO_INCIDENTS.withTick(tick);
      LineSimulation sim = new LineSimulation(line, settings, START);
      sim.advanceTo(10);
      assertThat(sim.time()).isEqualTo(START.plus(tick.multipliedBy(10)));
      assertThat(run(line, settings, 400))
          .allSatisfy(s -> assertThat(s.speedKmh()).isLessThanOrEqualTo(s.speedLimitKmh()));
    }
  }

  @Test
  void loadsAtTheStartFollowTheTimeOfDay() {
    Line line = MetroNetwork.defaultNetwork().line("L1").orElseThrow();
    SimulationSettings settings = SimulationSettings.defaults(1L);
    int rush = passengersAt(line, settings, Instant.parse("2025-06-02T08:00:00Z"));
    int night = passengersAt(line, settings, Instant.parse("2025-06-02T03:00:00Z"));
    assertThat(rush).isGreaterThan(5 * night);
    assertThat(night).isPositive();
  }

  private static int passengersAt(Line line, SimulationSettings settings, Instant start) {
    List<TrainSnapshot> snapshots = new LineSimulation(line, settings, start).snapshots();
    return snapshots.stream().mapToInt(TrainSnapshot::passengerCount).sum();
  }
}
