package io.github.variantconnect.quickstart.mirror;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a target lag: {@code 500ms}, {@code 5s}, {@code 1m}, {@code 1h} or ISO-8601 ({@code PT1M}). */
public final class TargetLag {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

  private TargetLag() {}

  /** @param key names the setting in the error message */
  public static Duration parse(String key, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Duration lag = null;
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      lag = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    } else if (text.startsWith("pt")) {
      try {
        lag = Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (lag == null || lag.isZero() || lag.isNegative()) {
      throw new IllegalArgumentException(key + " must be a duration above 0 such as 5s, 1m or PT1M, got '" + value + "'");
    }
    return lag;
  }
}
