package io.github.variantconnect.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

  @Test
  void producesTheReferenceSequenceForSeedZero() {
    // The published SplitMix64 outputs for seed 0 (Steele, Lea and Flood; Vigna's reference C code).
    SplitMix64 random = new SplitMix64(0);
    assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
    assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
  }

  @Test
  void theSameSeedGivesTheSameDoublesInTheUnitInterval() {
    SplitMix64 a = new SplitMix64(42);
    SplitMix64 b = new SplitMix64(42);
    for (int i = 0; i < 1000; i++) {
      double value = a.nextDouble();
      assertThat(value).isEqualTo(b.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
  }

  @Test
  void mixKeepsDistinctInputsDistinct() {
    assertThat(SplitMix64.mix(1)).isNotEqualTo(SplitMix64.mix(2));
    assertThat(SplitMix64.mix(0)).isZero();
  }
}
