package io.github.variantconnect.bench.report;

/**
 * One row of the results table. {@code ours} and {@code baseline} are in {@code unit}; {@code ratio}
 * is ours / baseline (for paired rounds, the median of the per-round ratios, with the lowest and
 * highest beside it), the figure to compare across machines. A row without a baseline (latency,
 * heap) has NaN there and is judged on its own figure.
 */
public record Result(
    String benchmark,
    String goal,
    double ratio,
    double ratioMin,
    double ratioMax,
    double ours,
    double baseline,
    String unit,
    String baselineName,
    Boolean goalMet,
    String command,
    String note) {

  public static Result paired(String benchmark, String goal, Rounds rounds, String unit, String baselineName,
      Boolean goalMet, String command, String note) {
    return new Result(benchmark, goal, rounds.medianRatio(), rounds.minRatio(), rounds.maxRatio(),
        rounds.medianOurs(), rounds.medianBaseline(), unit, baselineName, goalMet, command, note);
  }

  public static Result figure(String benchmark, String goal, double value, String unit, Boolean goalMet,
      String command, String note) {
    return new Result(benchmark, goal, Double.NaN, Double.NaN, Double.NaN, value, Double.NaN, unit, "", goalMet,
        command, note);
  }
}
