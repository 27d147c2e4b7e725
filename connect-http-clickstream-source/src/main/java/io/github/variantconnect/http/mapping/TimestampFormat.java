package io.github.variantconnect.http.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Turns an API's event-time field into epoch milliseconds. */
public abstract class TimestampFormat {

  public static final String ISO_8601 = "iso8601";
  public static final String EPOCH_MILLIS = "epoch_millis";
  public static final String EPOCH_SECONDS = "epoch_seconds";

  /** The epoch millis of {@code node}; throws {@link IllegalArgumentException} when it does not parse. */
  public abstract long toEpochMillis(JsonNode node);

  public static TimestampFormat of(String spec) {
    String text = spec == null ? "" : spec.trim();
    switch (text.toLowerCase(Locale.ROOT)) {
      case ISO_8601:
        return new Iso8601();
      case EPOCH_MILLIS:
        return new Epoch(1);
      case EPOCH_SECONDS:
        return new Epoch(1000);
      default:
        if (text.isEmpty()) {
          throw new IllegalArgumentException("must be " + ISO_8601 + ", " + EPOCH_MILLIS + ", " + EPOCH_SECONDS + " or a pattern");
        }
        try {
          return new Pattern(DateTimeFormatter.ofPattern(text, Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("'" + text + "' is not a java.time pattern: " + e.getMessage());
        }
    }
  }

  /** ISO-8601 with an offset or {@code Z}; a local date-time is taken as UTC. */
  private static final class Iso8601 extends TimestampFormat {
    @Override
    public long toEpochMillis(JsonNode node) {
      String text = node.asText();
      long utc = UtcTimestampParser.toEpochMillis(text);
      if (utc != UtcTimestampParser.NOT_MATCHED) {
        return utc;
      }
      try {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e2) {
          throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 timestamp");
        }
      }
    }
  }

  private static final class Epoch extends TimestampFormat {
    private final long millisPerUnit;

    Epoch(long millisPerUnit) {
      this.millisPerUnit = millisPerUnit;
    }

    @Override
    public long toEpochMillis(JsonNode node) {
      if (node.isNumber()) {
        return millisPerUnit == 1 ? node.asLong() : Math.round(node.asDouble() * millisPerUnit);
      }
      try {
        return Math.round(Double.parseDouble(node.asText().trim()) * millisPerUnit);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + node.asText() + "' is not an epoch number");
      }
    }
  }

  private static final class Pattern extends TimestampFormat {
    private final DateTimeFormatter formatter;

    Pattern(DateTimeFormatter formatter) {
      this.formatter = formatter;
    }

    @Override
    public long toEpochMillis(JsonNode node) {
      String text = node.asText();
      try {
        TemporalAccessor parsed = formatter.parse(text);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
          return OffsetDateTime.from(parsed).toInstant().toEpochMilli();
        }
        return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("'" + text + "' does not match the timestamp pattern");
      }
    }
  }
}
