package io.github.variantconnect.ats.sim;

import io.github.variantconnect.common.SplitMix64;
import java.nio.charset.StandardCharsets;

/**
 * The simulation's random numbers: {@link SplitMix64}, so that a seed produces the same run on every
 * JDK; transcendental functions go through {@link StrictMath} for the same reason.
 */
final class SimRandom {

  private final SplitMix64 random;

  SimRandom(long seed) {
    this.random = new SplitMix64(seed);
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
    return SplitMix64.mix(SplitMix64.mix(seed) ^ h);
  }

  long nextLong() {
    return random.nextLong();
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return random.nextDouble();
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
