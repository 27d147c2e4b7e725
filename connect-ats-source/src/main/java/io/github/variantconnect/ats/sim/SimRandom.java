package io.github.variantconnect.ats.sim;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64. Written out here rather than taken from the JDK so that a seed produces the same run on
 * every JDK; transcendental functions go through {@link StrictMath} for the same reason.
 */
final class SimRandom {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  SimRandom(long seed) {
    this.state = seed;
  }

  /** A generator keyed by the run seed and a name such as a line or train id, independent of any other. */
  static SimRandom forKey(long seed, String kind, String id) {
    return new SimRandom(derive(seed, kind + ':' + id));
  }

  static long derive(long seed, String key) {
    long h = 0xCBF29CE484222325L; // FNV-1a, then mixed: stable across JVMs, unlike identity hashes
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001B3L;
    }
    return mix(mix(seed) ^ h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
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

  double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** Exponentially distributed with the given mean; infinite when the mean is. */
  double exponential(double mean) {
    if (Double.isInfinite(mean)) {
      return Double.POSITIVE_INFINITY;
    }
    return -mean * StrictMath.log(1.0 - nextDouble());
  }

  /** Standard normal (Box–Muller). */
  double gaussian() {
    double u = 1.0 - nextDouble();
    double v = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
  }
}
