package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PassengerDemandTest {

  @Test
  void demandPeaksAtEightAndAroundEighteen() {
    double morning = PassengerDemand.profile(8);
    double evening = PassengerDemand.profile(17.75);
    double midday = PassengerDemand.profile(12.5);
    double night = PassengerDemand.profile(3);
    assertThat(morning).isGreaterThan(PassengerDemand.profile(7)).isGreaterThan(PassengerDemand.profile(9));
    assertThat(evening).isGreaterThan(PassengerDemand.profile(16)).isGreaterThan(PassengerDemand.profile(20));
    assertThat(midday).isLessThan(evening / 2).isGreaterThan(3 * night);
    assertThat(PassengerDemand.profile(23.999)).isCloseTo(PassengerDemand.profile(0), within(0.01));
  }

  private static PassengerDemand demand() {
    Line line = MetroNetwork.defaultNetwork().line("L2").orElseThrow();
    LineTrack track = new LineTrack(line);
    return new PassengerDemand(track, RollingStock.CAPACITY, new SimRandom(1), 200, 8);
  }

  @Test
  void everybodyLeavesAtATerminal() {
    PassengerDemand demand = demand();
    LineTrack track = new LineTrack(MetroNetwork.defaultNetwork().line("L2").orElseThrow());
    assertThat(demand.alight(0, 700, new SimRandom(2))).isEqualTo(700);
    assertThat(demand.alight(track.stopCount / 2, 650, new SimRandom(2))).isEqualTo(650);
    assertThat(demand.alight(3, 700, new SimRandom(2))).isBetween(1, 699);
  }

  @Test
  void boardingStopsAtCrushCapacity() {
    PassengerDemand demand = demand();
    demand.strand(5, 2000);
    assertThat(demand.board(5, RollingStock.CAPACITY - 7, 60, 8)).isEqualTo(7);
    assertThat(demand.board(5, 0, 120, 8)).isEqualTo(RollingStock.CAPACITY);
    assertThat(demand.board(5, RollingStock.CAPACITY, 180, 8)).isZero();
  }
}
