package io.github.variantconnect.demoapi;

import java.util.List;

/**
 * SplitMix64. The feed must be a pure function of the seed on every JDK, so the algorithm lives
 * here rather than behind a library class whose helpers could change between releases.
 */
final class SeededRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;

  SeededRandom(long seed) {
    this.state = seed;
  }

  /**
   * An independent generator for item {@code index} of a named stream (catalog, users, session n,
   * fault draw n), so one part of the feed never shifts another by drawing more or fewer numbers.
   */
  static SeededRandom forStream(long seed, long stream, long index) {
    return new SeededRandom(mix(mix(seed + stream * GOLDEN_GAMMA) + index));
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit values, so distinct inputs stay distinct. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
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
