package io.github.variantconnect.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoundsTest {

  @Test
  void theRatioIsTheMedianOfThePerRoundRatiosSoOneDisturbedRoundDoesNotDecide() {
    Rounds rounds = new Rounds();
    rounds.add(80, 100);
    rounds.add(10, 100);
    rounds.add(90, 100);

    assertThat(rounds.medianRatio()).isCloseTo(0.8, within(1e-9));
    assertThat(rounds.ratios()).isEqualTo("0.80, 0.10, 0.90");
  }

  @Test
  void anEvenNumberOfRoundsTakesTheMeanOfTheMiddleTwo() {
    assertThat(Rounds.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }
}
