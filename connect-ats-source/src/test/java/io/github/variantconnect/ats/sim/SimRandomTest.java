package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimRandomTest {

  @Test
  void isSplitMix64() {
    // Reference outputs of SplitMix64 for seed 0: a change here would change every simulation run.
    SimRandom random = new SimRandom(0);
    assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
    assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
  }

  @Test
  void keysGiveIndependentStreams() {
    assertThat(SimRandom.forKey(1, "train", "L1-T01").nextLong())
        .isEqualTo(SimRandom.forKey(1, "train", "L1-T01").nextLong())
        .isNotEqualTo(SimRandom.forKey(1, "train", "L1-T02").nextLong())
        .isNotEqualTo(SimRandom.forKey(2, "train", "L1-T01").nextLong())
        .isNotEqualTo(SimRandom.forKey(1, "line", "L1-T01").nextLong());
  }

  @Test
  void distributionsHaveTheirMeans() {
    SimRandom random = new SimRandom(99);
    int n = 200_000;
    double uniform = 0;
    double exponential = 0;
    double gaussian = 0;
    double gaussianSquares = 0;
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
      uniform += u;
      exponential += random.exponential(10);
      double g = random.gaussian();
      gaussian += g;
      gaussianSquares += g * g;
    }
    assertThat(uniform / n).isCloseTo(0.5, within(0.01));
    assertThat(exponential / n).isCloseTo(10, within(0.2));
    assertThat(gaussian / n).isCloseTo(0, within(0.01));
    assertThat(gaussianSquares / n).isCloseTo(1, within(0.02));
    assertThat(random.exponential(Double.POSITIVE_INFINITY)).isInfinite();
  }
}
