package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultNetworkTest {

  private static final MetroNetwork NETWORK = MetroNetwork.defaultNetwork();

  @Test
  void sixLinesAndAboutAHundredFifteenTrains() {
    assertThat(NETWORK.lines()).hasSize(6);
    assertThat(NETWORK.trainCount()).isEqualTo(115);
    assertThat(NETWORK.trainIds()).hasSize(115).doesNotHaveDuplicates()
        .startsWith("L1-T01", "L1-T02").endsWith("L6-T16");
    assertThat(NETWORK.line("L3")).get().extracting(Line::name).isEqualTo("Green Line");
    assertThat(NETWORK.line("L9")).isEmpty();
    assertThat(MetroNetwork.defaultNetwork()).isSameAs(NETWORK);
  }

  @Test
  void linesLookLikeMetroLines() {
    for (Line line : NETWORK.lines()) {
      assertThat(line.lengthKm()).as(line.id()).isBetween(15.0, 30.0);
      assertThat(line.speedLimitKmh()).isBetween(60.0, 100.0);
      assertThat(line.trainCount()).isLessThanOrEqualTo(line.blocksPerDirection());
      List<Station> stations = line.stations();
      for (int i = 1; i < stations.size(); i++) {
        Station a = stations.get(i - 1);
        Station b = stations.get(i);
        double spacing = b.positionKm() - a.positionKm();
        assertThat(spacing).as("%s %s-%s", line.id(), a.id(), b.id()).isBetween(0.8, 5.0);
        // Track length follows the map: a little longer than the straight line between the stations.
        assertThat(spacing / distanceKm(a, b)).as("%s %s-%s", line.id(), a.id(), b.id()).isBetween(1.0, 1.25);
        assertThat(Math.abs(b.latitude() - 47.0)).isLessThan(0.2);
        assertThat(Math.abs(b.longitude() - 9.0)).isLessThan(0.3);
      }
    }
  }

  private static double distanceKm(Station a, Station b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }

  @Test
  void trainIdsAreStable() {
    Line l1 = NETWORK.line("L1").orElseThrow();
    assertThat(l1.trainIds()).hasSize(l1.trainCount()).first().isEqualTo("L1-T01");
    assertThat(l1.trainIds()).last().isEqualTo(String.format("L1-T%02d", l1.trainCount()));
  }
}
