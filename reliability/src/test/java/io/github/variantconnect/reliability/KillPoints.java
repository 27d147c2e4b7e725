package io.github.variantconnect.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Where in a stream to kill the worker, drawn from a fixed seed so a failing run can be replayed:
 * each point is a number of rows landed plus a delay in milliseconds, so a kill falls at an
 * arbitrary moment of a flush, a transaction or a rebalance rather than right after a check.
 */
final class KillPoints {

  private KillPoints() {}

  /** A kill once {@code rows} rows have landed, {@code delayMs} later. */
  record KillPoint(int number, long rows, long delayMs) {}

  /**
   * {@code count} points with row thresholds spread at random over {@code [from, to)} of {@code
   * total} rows, in increasing order, each with a delay below {@code maxDelayMs}.
   */
  static List<KillPoint> seeded(long seed, int count, long total, double from, double to, long maxDelayMs) {
    Random random = new Random(seed);
    double[] fractions = new double[count];
    for (int i = 0; i < count; i++) {
      fractions[i] = from + (to - from) * random.nextDouble();
    }
    Arrays.sort(fractions);
    List<KillPoint> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      points.add(new KillPoint(i + 1, (long) (fractions[i] * total), (long) (random.nextDouble() * maxDelayMs)));
    }
    return points;
  }
}
