package io.github.variantconnect.ats.sim;

import java.util.Arrays;

/**
 * Fixed-block interlocking: each block of the loop is held by at most one train, and a train's movement
 * authority ends at the start of the first block ahead that another train holds.
 */
final class BlockSignalling {

  private final LineTrack track;
  private final int[] holder;

  BlockSignalling(LineTrack track) {
    this.track = track;
    this.holder = new int[track.blockCount];
    Arrays.fill(holder, -1);
  }

  boolean isFreeFor(int block, int train) {
    int h = holder[block];
    return h < 0 || h == train;
  }

  void occupy(int block, int train) {
    if (!isFreeFor(block, train)) {
      throw new IllegalStateException("train " + train + " entering block " + block + " held by train "
          + holder[block] + " on line " + track.line.id());
    }
    holder[block] = train;
  }

  void release(int block, int train) {
    if (holder[block] == train) {
      holder[block] = -1;
    }
  }

  /**
   * Distance from {@code s}, inside {@code block}, to the start of the first block ahead held by
   * another train, or infinity if there is none within {@code lookAheadM}.
   */
  double distanceToOccupied(double s, int block, int train, double lookAheadM) {
    int n = track.blockCount;
    int b = block;
    for (int i = 1; i < n; i++) {
      b = b + 1 == n ? 0 : b + 1;
      double d = track.blockStartM(b) - s;
      if (b <= block) {
        d += track.loopM;
      }
      d = Math.max(0, d); // rounding can put s a hair past the start of the next block
      if (d > lookAheadM) {
        return Double.POSITIVE_INFINITY;
      }
      int h = holder[b];
      if (h >= 0 && h != train) {
        return d;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * Whether a withdrawn train may rejoin the line at {@code s}: its block and the one behind are free,
   * and every train behind can stop with service braking before reaching it. Without the last check a
   * train could appear right in front of one running at line speed.
   */
  boolean safeToRejoin(double s, TrainState[] trains, double serviceBrake, double stepS) {
    int b = track.blockOf(s);
    int behind = b == 0 ? track.blockCount - 1 : b - 1;
    if (holder[b] >= 0 || holder[behind] >= 0) {
      return false;
    }
    double blockStart = track.blockStartM(b);
    for (TrainState t : trains) {
      if (t.block < 0) {
        continue;
      }
      double stopping = t.v * t.v / (2 * serviceBrake) + 2 * t.v * stepS + 10;
      if (track.distanceAhead(t.s, blockStart) < stopping) {
        return false;
      }
    }
    return true;
  }
}
