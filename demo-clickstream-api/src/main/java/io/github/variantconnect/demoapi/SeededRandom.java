package io.github.variantconnect.demoapi;

import io.github.variantconnect.common.SplitMix64;
import java.util.List;

/**
 * The feed's random numbers: {@link SplitMix64}, because the feed must be a pure function of the
 * seed on every JDK, with the draws the generator needs on top.
 */
final class SeededRandom {

  private final SplitMix64 random;

  SeededRandom(long seed) {
    this.random = new SplitMix64(seed);
  }

  /**
   * An independent generator for item {@code index} of a named stream (catalog, users, session n,
   * fault draw n), so one part of the feed never shifts another by drawing more or fewer numbers.
   */
  static SeededRandom forStream(long seed, long stream, long index) {
    return new SeededRandom(SplitMix64.mix(SplitMix64.mix(seed + stream * SplitMix64.GOLDEN_GAMMA) + index));
  }

  long nextLong() {
    return random.nextLong();
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return random.nextDouble();
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in [from, toInclusive]. */
  int nextInt(int from, int toInclusive) {
    return from + nextInt(toInclusive - from + 1);
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  /** An index in [0, size) where low indexes are far more likely: popular products, loyal users. */
  int skewedIndex(int size, double exponent) {
    return Math.min(size - 1, (int) (size * Math.pow(nextDouble(), exponent)));
  }
}
