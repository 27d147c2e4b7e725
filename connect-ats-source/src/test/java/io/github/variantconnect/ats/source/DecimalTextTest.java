package io.github.variantconnect.ats.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalTextTest {

  private final byte[] buffer = new byte[DecimalText.MAX_LENGTH + 4];
  private final List<String> mismatches = new ArrayList<>();

  private String rounded(double value, int decimals) {
    int end = DecimalText.writeRounded(buffer, 2, value, decimals);
    return new String(buffer, 2, end - 2, StandardCharsets.US_ASCII);
  }

  private static String expected(double value, int decimals) {
    return Double.toString(DecimalText.round(value, decimals));
  }

  /** Collects mismatches rather than asserting each: millions of values are compared. */
  private void compare(double value, int decimals) {
    String written = rounded(value, decimals);
    String expected = expected(value, decimals);
    if (!written.equals(expected) && mismatches.size() < 20) {
      mismatches.add(value + " (" + decimals + " decimals): wrote " + written + ", Double.toString " + expected);
    }
  }

  @Test
  void everySpeedAndPowerWithOneDecimalMatchesDoubleToString() {
    for (long units = -100_000; units <= 100_000; units++) {
      double value = units / 10.0;
      compare(value, 1);
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyPositionWithThreeDecimalsUpTo200KmMatchesDoubleToString() {
    for (long units = 0; units <= 200_000; units++) {
      double value = units / 1000.0;
      compare(value, 3);
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void coordinatesWithSixDecimalsMatchDoubleToString() {
    // Around zero, where Double.toString switches to scientific notation below 10^-3.
    for (long units = -20_000; units <= 20_000; units++) {
      double value = units / 1e6;
      compare(value, 6);
    }
    Random random = new Random(11);
    for (int i = 0; i < 2_000_000; i++) {
      double value = random.nextDouble() * 360 - 180;
      compare(value, 6);
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void unroundedInputIsRoundedFirst() {
    assertThat(rounded(47.12345649999, 6)).isEqualTo("47.123456");
    assertThat(rounded(-0.04, 1)).isEqualTo("0.0");
    assertThat(rounded(12.0, 3)).isEqualTo("12.0");
    assertThat(rounded(0.00012, 6)).isEqualTo("1.2E-4");
    assertThat(rounded(2.5e7, 1)).isEqualTo("2.5E7");
  }

  @Test
  void longsAreWrittenAsLongToString() {
    long[] values = {0, 7, -7, 10, 99, 100, 1_234_567_890_123L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE};
    for (long value : values) {
      int end = DecimalText.writeLong(buffer, 1, value);
      assertThat(new String(buffer, 1, end - 1, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(value));
    }
  }
}
