package io.github.variantconnect.ats.source;

import java.nio.charset.StandardCharsets;

/**
 * Number text for the telemetry JSON, written into a byte buffer.
 *
 * <p>Telemetry doubles are rounded to a few decimals ({@code units / 10^decimals}), and
 * {@code Double.toString} — what Jackson writes for the JsonConverter — gives the shortest decimal
 * that reads back as the same double. For such a value with few significant digits, that decimal is
 * {@code units} itself with the point moved: no shorter decimal reads back as the same double, since
 * distinct decimals of up to 15 significant digits are distinct doubles. So between 10^-3 and 10^7,
 * where {@code Double.toString} writes plain notation, the digits of {@code units} are the same text
 * at a fraction of the cost; outside that range this falls back to {@code Double.toString} itself.
 */
final class DecimalText {

  /** Longest text written: a {@code Double.toString} such as {@code -1.2345678901234567E-300}. */
  static final int MAX_LENGTH = 26;

  private static final double[] SCALE = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  private static final byte[] ZERO = {'0', '.', '0'};
  private static final double PLAIN_MIN = 1e-3;
  private static final double PLAIN_LIMIT = 1e7;

  private DecimalText() {}

  /** {@code value} rounded to {@code decimals} places, as used in the telemetry values. */
  static double round(double value, int decimals) {
    return Math.round(value * SCALE[decimals]) / SCALE[decimals];
  }

  /**
   * Writes {@code Double.toString(round(value, decimals))} at {@code at}; returns the new end. The
   * buffer needs {@link #MAX_LENGTH} bytes of room.
   */
  static int writeRounded(byte[] to, int at, double value, int decimals) {
    long units = Math.round(value * SCALE[decimals]);
    double rounded = units / SCALE[decimals];
    if (units == 0) {
      System.arraycopy(ZERO, 0, to, at, ZERO.length);
      return at + ZERO.length;
    }
    double magnitude = Math.abs(rounded);
    if (magnitude < PLAIN_MIN || magnitude >= PLAIN_LIMIT) {
      byte[] text = Double.toString(rounded).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(text, 0, to, at, text.length);
      return at + text.length;
    }
    int end = at;
    if (units < 0) {
      to[end++] = '-';
      units = -units;
    }
    end = writeLong(to, end, units / POW10[decimals]);
    to[end++] = '.';
    long fraction = units % POW10[decimals];
    if (fraction == 0) {
      to[end++] = '0';
      return end;
    }
    int digits = decimals;
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    for (int i = digits - 1; i >= 0; i--) {
      to[end + i] = (byte) ('0' + fraction % 10);
      fraction /= 10;
    }
    return end + digits;
  }

  /** Writes {@code Long.toString(value)} at {@code at}; returns the new end (at most 20 bytes). */
  static int writeLong(byte[] to, int at, long value) {
    if (value == Long.MIN_VALUE) {
      byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(text, 0, to, at, text.length);
      return at + text.length;
    }
    int end = at;
    if (value < 0) {
      to[end++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int i = digits - 1; i >= 0; i--) {
      to[end + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return end + digits;
  }
}
