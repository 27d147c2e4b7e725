package io.github.variantconnect.common;

/**
 * SplitMix64, written out rather than taken from the JDK so that a seed produces the same sequence
 * on every JDK: simulations and generated feeds must be pure functions of their seed.
 */
public final class SplitMix64 {

  /** The golden-ratio increment of the state, also a good stride between derived streams. */
  public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit values, so distinct inputs stay distinct. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }
}
