package io.github.variantconnect.sink.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortDecimalTest {

  private final char[] out = new char[ShortDecimal.MAX_LENGTH];

  private String format(double d) {
    int length = ShortDecimal.format(d, out);
    return length < 0 ? null : new String(out, 0, length);
  }

  @ParameterizedTest
  @ValueSource(doubles = {45.712345, -4.8, 61.25, 0.001, 0.0012345678901234, 9_999_999.999, 100, 1, 0.1, 0.3})
  void shortDecimalsAreWrittenAsJavaWritesThem(double d) {
    assertThat(format(d)).isEqualTo(Double.toString(d));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, 0.000999, 1e7, 1.5e300, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 0.30000000000000004, 0.3333333333333333, 1234567.123456789})
  void othersAreLeftToTheGenerator(double d) {
    assertThat(format(d)).isNull();
  }

  @Test
  void everythingWrittenReadsBackAsTheSameDoubleInJavasText() {
    Random random = new Random(11);
    int written = 0;
    for (int i = 0; i < 200_000; i++) {
      double d = switch (i % 3) {
        case 0 -> Math.round((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12)))
            / Math.pow(10, random.nextInt(10));
        case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(12) - 4);
        default -> Double.longBitsToDouble(random.nextLong());
      };
      String text = format(d);
      if (text != null) {
        written++;
        assertThat(Double.parseDouble(text)).as(text).isEqualTo(d);
        assertThat(text).isEqualTo(Double.toString(d));
      }
    }
    assertThat(written).isGreaterThan(30_000);
  }
}
