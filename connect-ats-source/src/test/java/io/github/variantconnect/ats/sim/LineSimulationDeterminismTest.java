package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineSimulationDeterminismTest {

  private static final Instant START = Instant.parse("2025-06-02T05:00:00Z");
  private static final SimulationSettings SETTINGS = SimulationSettings.defaults(7L);
  private static final MetroNetwork NETWORK = MetroNetwork.defaultNetwork();

  private static List<List<TrainSnapshot>> run(Line line, SimulationSettings settings, int ticks) {
    LineSimulation sim = new LineSimulation(line, settings, START);
    List<List<TrainSnapshot>> out = new ArrayList<>();
    for (int i = 0; i < ticks; i++) {
      out.add(sim.snapshots());
      sim.advance();
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"L1", "L6"})
  void sameInputsGiveTheSameSnapshots(String lineId) {
    Line line = NETWORK.line(lineId).orElseThrow();
    List<List<TrainSnapshot>> first = run(line, SETTINGS, 500);
    List<List<TrainSnapshot>> second = run(line, SETTINGS, 500);
    assertThat(second).isEqualTo(first);
    assertThat(first.get(0)).isNotEqualTo(first.get(499));
  }

  @Test
  void aDifferentSeedGivesADifferentRun() {
    Line line = NETWORK.line("L2").orElseThrow();
    assertThat(run(line, SETTINGS.withSeed(8L), 200)).isNotEqualTo(run(line, SETTINGS, 200));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 137, 1000})
  void advanceToMatchesAdvancingOneTickAtATime(long target) {
    Line line = NETWORK.line("L4").orElseThrow();
    LineSimulation stepped = new LineSimulation(line, SETTINGS, START);
    for (long i = 0; i < target; i++) {
      stepped.snapshots();
      stepped.advance();
    }
    LineSimulation jumped = new LineSimulation(line, SETTINGS, START);
    jumped.advanceTo(target);
    assertThat(jumped.ticks()).isEqualTo(target);
    assertThat(jumped.time()).isEqualTo(START.plus(Duration.ofSeconds(30 * target)));
    assertThat(jumped.snapshots()).isEqualTo(stepped.snapshots());
    jumped.advance();
    stepped.advance();
    assertThat(jumped.snapshots()).isEqualTo(stepped.snapshots());
  }

  @Test
  void aLineRunsTheSameAloneOrInterleavedWithOtherLines() {
    Line l2 = NETWORK.line("L2").orElseThrow();
    List<List<TrainSnapshot>> alone = run(l2, SETTINGS, 300);
    List<LineSimulation> all = NETWORK.lines().stream().map(l -> new LineSimulation(l, SETTINGS, START)).toList();
    LineSimulation interleavedL2 = all.get(NETWORK.lines().indexOf(l2));
    List<List<TrainSnapshot>> interleaved = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      interleaved.add(interleavedL2.snapshots());
      all.forEach(LineSimulation::advance);
    }
    assertThat(interleaved).isEqualTo(alone);
  }

  @Test
  void theLineNameDoesNotAffectTheRun() throws NetworkFileException {
    Line line = MetroNetwork.parse(NetworkJson.valid()).line("A").orElseThrow();
    Line renamed = new Line("A", "another name", line.stations(), line.speedLimitKmh(), line.trainCount(),
        line.blockLengthKm(), line.speedRestrictions());
    assertThat(run(renamed, SETTINGS, 300)).isEqualTo(run(line, SETTINGS, 300));
  }

  @Test
  void randomnessIsKeyedByLineId() {
    Line l3 = NETWORK.line("L3").orElseThrow();
    Line renamed = new Line("L3X", l3.name(), l3.stations(), l3.speedLimitKmh(), l3.trainCount(),
        l3.blockLengthKm(), l3.speedRestrictions());
    List<Integer> loads = passengerCounts(run(l3, SETTINGS, 200));
    List<Integer> renamedLoads = passengerCounts(run(renamed, SETTINGS, 200));
    assertThat(renamedLoads).isNotEqualTo(loads);
  }

  private static List<Integer> passengerCounts(List<List<TrainSnapshot>> run) {
    return run.stream().flatMap(List::stream).map(TrainSnapshot::passengerCount).toList();
  }

  @Test
  void cannotGoBackInTime() {
    LineSimulation sim = new LineSimulation(NETWORK.lines().get(0), SETTINGS, START);
    sim.advanceTo(5);
    sim.advanceTo(5);
    assertThat(sim.ticks()).isEqualTo(5);
    assertThatThrownBy(() -> sim.advanceTo(4)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snapshotsAtTickZeroDescribeTheStart() {
    LineSimulation sim = new LineSimulation(NETWORK.line("L5").orElseThrow(), SETTINGS, START);
    assertThat(sim.ticks()).isZero();
    assertThat(sim.time()).isEqualTo(START);
    assertThat(sim.snapshots()).allSatisfy(s -> {
      assertThat(s.seq()).isZero();
      assertThat(s.eventTime()).isEqualTo(START);
    });
  }
}
