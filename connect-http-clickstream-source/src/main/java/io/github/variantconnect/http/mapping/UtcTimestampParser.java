package io.github.variantconnect.http.mapping;

/**
 * Reads the one ISO-8601 shape most APIs send, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, without
 * java.time's general parser, which costs a fifth of the task thread's time at high record rates.
 * Anything else — offsets, lower-case {@code z}, out-of-range fields — returns {@link #NOT_MATCHED}
 * so the general parser decides, and gives the same answer and the same errors it always did.
 */
final class UtcTimestampParser {

  /** Returned when {@code text} is not of the shape read here. */
  static final long NOT_MATCHED = Long.MIN_VALUE;

  private static final int DATE_TIME_CHARS = "yyyy-MM-ddTHH:mm:ss".length();
  private static final int MAX_FRACTION_DIGITS = 9;
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final int DAYS_0000_TO_1970 = 719_528;

  private UtcTimestampParser() {}

  static long toEpochMillis(String text) {
    int length = text.length();
    if (length < DATE_TIME_CHARS + 1 || text.charAt(length - 1) != 'Z' || !separatorsAt(text)) {
      return NOT_MATCHED;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NOT_MATCHED;
    }
    int millis = fractionMillis(text, DATE_TIME_CHARS, length - 1);
    if (millis < 0) {
      return NOT_MATCHED;
    }
    long seconds = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return seconds * 1000L + millis;
  }

  private static boolean separatorsAt(String text) {
    return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
        && text.charAt(13) == ':' && text.charAt(16) == ':';
  }

  /** The value of {@code count} decimal digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * Milliseconds of an optional {@code .fraction} between {@code from} and {@code end}: 1 to 9
   * digits, truncated like java.time truncates nanoseconds to milliseconds; -1 when malformed.
   */
  private static int fractionMillis(String text, int from, int end) {
    if (from == end) {
      return 0;
    }
    int digitCount = end - from - 1;
    if (text.charAt(from) != '.' || digitCount < 1 || digitCount > MAX_FRACTION_DIGITS) {
      return -1;
    }
    int fraction = digits(text, from + 1, digitCount);
    if (fraction < 0) {
      return -1;
    }
    int millis = fraction;
    for (int i = digitCount; i < 3; i++) {
      millis *= 10;
    }
    for (int i = digitCount; i > 3; i--) {
      millis /= 10;
    }
    return millis;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date with a year of 0 to 9999. */
  private static long epochDay(int year, int month, int day) {
    long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    total += (367L * month - 362) / 12 + day - 1;
    if (month > 2) {
      total -= isLeap(year) ? 1 : 2;
    }
    return total - DAYS_0000_TO_1970;
  }
}
