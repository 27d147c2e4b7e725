package io.github.variantconnect.bench.dashboard;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Median and the rounds behind it, for a result's note. */
final class Spread {

  private Spread() {}

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** e.g. "41, 38, 44 ms (min 38, max 44)". */
  static String of(double[] values) {
    String each = Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v))
        .collect(Collectors.joining(", "));
    double min = Arrays.stream(values).min().orElse(Double.NaN);
    double max = Arrays.stream(values).max().orElse(Double.NaN);
    return String.format(Locale.ROOT, "%s ms (min %.0f, max %.0f)", each, min, max);
  }
}
