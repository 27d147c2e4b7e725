package io.github.variantconnect.sink.convert;

/**
 * Formats the doubles most records carry — a handful of decimal digits, like 45.712345 or 61.25 —
 * without a general double-to-text algorithm, which costs two to three times more per number.
 *
 * <p>A double qualifies when it lies where Java writes doubles in plain notation (10⁻³ ≤ |d| <
 * 10⁷) and some decimal of at most 15 significant digits reads back as exactly that double. Any
 * two such decimals are further apart than two doubles, so the one with the fewest fraction
 * digits is the shortest text that reads back as {@code d}, in {@code Double.toString}'s format:
 * the text {@code Double.toString} gives for such doubles, as the tests check. Everything else is
 * left to the generator.
 */
final class ShortDecimal {

  /** Room for the longest text: a sign, "0." and 17 fraction digits (|d| ≥ 10⁻³, 15 digits). */
  static final int MAX_LENGTH = 24;

  private static final int MAX_DIGITS = 15;
  private static final double[] POWERS = new double[MAX_DIGITS + 4];
  private static final long[] LONG_POWERS = new long[MAX_DIGITS + 4];

  static {
    long power = 1;
    for (int i = 0; i < POWERS.length; i++) {
      LONG_POWERS[i] = power;
      POWERS[i] = power;
      power *= 10;
    }
  }

  private ShortDecimal() {}

  /**
   * Writes {@code d} into {@code out} from index 0 and returns the length, or -1 when {@code d}
   * does not qualify. {@code out} holds at least {@link #MAX_LENGTH} chars.
   */
  static int format(double d, char[] out) {
    double abs = Math.abs(d);
    if (!(abs >= 1e-3 && abs < 1e7)) {
      return -1;
    }
    for (int scale = 0; scale < POWERS.length; scale++) {
      double scaled = abs * POWERS[scale];
      if (scaled >= 1e15) {
        return -1;
      }
      long digits = (long) Math.rint(scaled);
      // Both operands are exact and division rounds correctly: equal means the decimal reads back as d.
      if (digits / POWERS[scale] == abs) {
        return write(d < 0, digits, scale, out);
      }
    }
    return -1;
  }

  private static int write(boolean negative, long digits, int scale, char[] out) {
    int at = 0;
    if (negative) {
      out[at++] = '-';
    }
    long whole = digits / LONG_POWERS[scale];
    long fraction = digits % LONG_POWERS[scale];
    at = writeLong(whole, out, at);
    out[at++] = '.';
    if (scale == 0) {
      out[at++] = '0';
      return at;
    }
    for (int i = scale - 1; i >= 0; i--) {
      out[at + i] = (char) ('0' + fraction % 10);
      fraction /= 10;
    }
    return at + scale;
  }

  private static int writeLong(long value, char[] out, int at) {
    int length = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      length++;
    }
    for (int i = at + length - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + length;
  }
}
