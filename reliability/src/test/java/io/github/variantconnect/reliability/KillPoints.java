package io.github.variantconnect.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When to kill the worker, drawn from a fixed seed so a failing run can be replayed: a delay after
 * the restarted worker has landed rows again, so a kill falls at an arbitrary moment of a poll, a
 * flush, a transaction or an offset commit rather than right after a check.
 */
final class KillPoints {

  private KillPoints() {}

  /** The {@code number}th kill, {@code delayMs} after the worker is seen making progress. */
  record KillPoint(int number, long delayMs) {}

  static List<KillPoint> seeded(long seed, int count, long maxDelayMs) {
    Random random = new Random(seed);
    List<KillPoint> points = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      points.add(new KillPoint(i, (long) (random.nextDouble() * maxDelayMs)));
    }
    return points;
  }
}
