package io.github.variantconnect.common.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;

/** Durations as users write them in connector configs: {@code 30s}, {@code 500ms}, {@code 1m}, {@code PT30S}. */
public final class DurationParser {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private DurationParser() {}

  /** A validator for a duration key of at least {@code min}; the error names the key. */
  public static ConfigDef.Validator atLeast(Duration min) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        Duration duration;
        try {
          duration = parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
          throw new KeyedConfigException(name, value, e.getMessage());
        }
        if (duration.compareTo(min) < 0) {
          throw new KeyedConfigException(name, value, "must be at least " + min.toMillis() + "ms");
        }
      }

      @Override
      public String toString() {
        return "a duration of at least " + min.toMillis() + "ms, e.g. 30s";
      }
    };
  }

  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(value);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30s, 500ms, 1m or PT30S");
    }
  }
}
