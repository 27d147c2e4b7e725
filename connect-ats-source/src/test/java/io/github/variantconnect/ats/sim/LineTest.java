package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines built in code are held to the same rules as network files. */
class LineTest {

  private static final List<Station> STATIONS = List.of(
      new Station("A", "A", 0, 47, 9), new Station("B", "B", 1.5, 47.01, 9), new Station("C", "C", 3.0, 47.02, 9));

  @Test
  void blocksAndLimits() {
    Line line = new Line("X", "x", STATIONS, 80, 6, 0.5, List.of(new SpeedRestriction(1.0, 2.0, 40)));
    assertThat(line.lengthKm()).isEqualTo(3.0);
    assertThat(line.blocksPerDirection()).isEqualTo(6);
    assertThat(line.speedLimitAtKm(0.5)).isEqualTo(80.0);
    assertThat(line.speedLimitAtKm(1.5)).isEqualTo(40.0);
    assertThat(new Line("X", "x", STATIONS, 80, 1, 0.7).blocksPerDirection()).isEqualTo(5);
    assertThat(new Line("X", "x", STATIONS, 80, 1, 0.5).speedRestrictions()).isEmpty();
  }

  @Test
  void rejectsWhatTheSimulationCannotRun() {
    assertThatThrownBy(() -> new Line("X", "x", STATIONS, 80, 7, 0.5)).hasMessageContaining("trainCount");
    assertThatThrownBy(() -> new Line("X", "x", STATIONS.subList(0, 1), 80, 1, 0.5))
        .hasMessageContaining("at least 2 stations");
    assertThatThrownBy(() -> new Line("X", "x", List.of(STATIONS.get(1), STATIONS.get(2)), 80, 1, 0.5))
        .hasMessageContaining("0 km");
    assertThatThrownBy(() -> new Line("X", "x", List.of(STATIONS.get(0), STATIONS.get(2), STATIONS.get(1)), 80, 1,
        0.5)).hasMessageContaining("increase");
    assertThatThrownBy(() -> new Line("X Y", "x", STATIONS, 80, 1, 0.5)).hasMessageContaining("line id");
    assertThatThrownBy(() -> new Line("X", "x", STATIONS, 80, 1, 0.1)).hasMessageContaining("blockLengthKm");
    assertThatThrownBy(() -> new Line("X", "x", STATIONS, 80, 1, 0.5, List.of(new SpeedRestriction(2, 4, 30))))
        .hasMessageContaining("speed restriction");
    assertThatThrownBy(() -> new SpeedRestriction(2, 1, 30)).hasMessageContaining("fromKm < toKm");
  }
}
