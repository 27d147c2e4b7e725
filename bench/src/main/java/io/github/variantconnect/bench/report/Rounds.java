package io.github.variantconnect.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Paired measurements of one configuration over several rounds: connector and baseline of the same
 * round ran back to back under the same machine load, so their ratio is the robust figure; the
 * median over rounds damps a round disturbed by other work on the machine, and the lowest and
 * highest ratio show how far the rounds spread.
 */
public final class Rounds {

  private record Pair(double ours, double baseline, double seconds) {
    double ratio() {
      return ours / baseline;
    }
  }

  private final List<Pair> pairs = new ArrayList<>();

  /** {@code seconds}: the shorter of the two measured spans. */
  public void add(double ours, double baseline, double seconds) {
    pairs.add(new Pair(ours, baseline, seconds));
  }

  /** A pair whose spans were not recorded. */
  public void add(double ours, double baseline) {
    add(ours, baseline, Double.NaN);
  }

  /** Per-round ratios: "0.81, 0.77, 0.84". */
  public String ratios() {
    StringBuilder text = new StringBuilder();
    for (Pair p : pairs) {
      text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", p.ratio()));
    }
    return text.toString();
  }

  public int size() {
    return pairs.size();
  }

  public double medianOurs() {
    return median(pairs.stream().mapToDouble(Pair::ours).toArray());
  }

  public double medianBaseline() {
    return median(pairs.stream().mapToDouble(Pair::baseline).toArray());
  }

  public double medianRatio() {
    return median(ratioValues());
  }

  public double minRatio() {
    return Arrays.stream(ratioValues()).min().orElse(Double.NaN);
  }

  public double maxRatio() {
    return Arrays.stream(ratioValues()).max().orElse(Double.NaN);
  }

  /** For the notes: "per-round ratios 0.81, 0.77, 0.84; measured spans 10.0–10.4 s". */
  public String describe() {
    StringBuilder text = new StringBuilder("per-round ratios ").append(ratios());
    double shortest = pairs.stream().mapToDouble(Pair::seconds).min().orElse(Double.NaN);
    double longest = pairs.stream().mapToDouble(Pair::seconds).max().orElse(Double.NaN);
    return text.append(String.format(Locale.ROOT, "; measured spans %.1f–%.1f s", shortest, longest)).toString();
  }

  private double[] ratioValues() {
    return pairs.stream().mapToDouble(Pair::ratio).toArray();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
