package io.github.variantconnect.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Paired measurements of one configuration over several rounds: connector and baseline of the same
 * round ran back to back under the same machine load, so their ratio is the robust figure; the
 * median over rounds damps a round disturbed by other work on the machine.
 */
public final class Rounds {

  private final List<double[]> pairs = new ArrayList<>();

  public void add(double ours, double baseline) {
    pairs.add(new double[] {ours, baseline});
  }

  public double medianOurs() {
    return median(pairs.stream().mapToDouble(p -> p[0]).toArray());
  }

  public double medianBaseline() {
    return median(pairs.stream().mapToDouble(p -> p[1]).toArray());
  }

  public double medianRatio() {
    return median(pairs.stream().mapToDouble(p -> p[0] / p[1]).toArray());
  }

  /** Per-round ratios, for the notes: "0.81, 0.77, 0.84". */
  public String ratios() {
    StringBuilder text = new StringBuilder();
    for (double[] p : pairs) {
      text.append(text.length() == 0 ? "" : ", ").append(String.format("%.2f", p[0] / p[1]));
    }
    return text.toString();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
