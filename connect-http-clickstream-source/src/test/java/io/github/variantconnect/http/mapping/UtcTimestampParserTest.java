package io.github.variantconnect.http.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimestampParserTest {

  private static final long YEAR_0000 = OffsetDateTime.parse("0000-01-01T00:00:00Z").toInstant().toEpochMilli();
  private static final long YEAR_9999_END = OffsetDateTime.parse("9999-12-31T23:59:59.999Z").toInstant().toEpochMilli();

  @Test
  void agreesWithJavaTimeOverRandomInstantsAndFractionLengths() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long millis = random.nextLong(YEAR_0000, YEAR_9999_END + 1);
      Instant instant = Instant.ofEpochMilli(millis).plusNanos(random.nextInt(1_000_000));
      int digits = random.nextInt(10);
      String text = format(instant, digits);
      assertThat(UtcTimestampParser.toEpochMillis(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }
  }

  @Test
  void readsLeapDaysAndMonthEnds() {
    for (String text : new String[] {"2024-02-29T12:00:00Z", "2000-02-29T00:00:00.5Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z", "2026-12-31T23:59:59.123456789Z"}) {
      assertThat(UtcTimestampParser.toEpochMillis(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-01-05T07:30:00+01:00", "2026-01-05T07:30:00z", "2026-01-05T07:30:00", "2026-01-05 07:30:00Z",
      "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
      "2026-00-10T00:00:00Z", "2026-01-05T24:00:00Z", "2026-01-05T07:60:00Z", "2026-01-05T07:30:60Z",
      "2026-01-05T07:30:00.Z", "2026-01-05T07:30:00.1234567890Z", "2026-01-05T07:30:00,123Z", "2026-01-05T07:3a:00Z",
      "+2026-01-05T07:30:00Z", "12026-01-05T07:30:00Z", "Z", ""})
  void leavesOtherShapesToTheGeneralParser(String text) {
    assertThat(UtcTimestampParser.toEpochMillis(text)).isEqualTo(UtcTimestampParser.NOT_MATCHED);
  }

  private static String format(Instant instant, int fractionDigits) {
    String pattern = "uuuu-MM-dd'T'HH:mm:ss" + (fractionDigits == 0 ? "" : "." + "S".repeat(fractionDigits)) + "'Z'";
    return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant);
  }
}
