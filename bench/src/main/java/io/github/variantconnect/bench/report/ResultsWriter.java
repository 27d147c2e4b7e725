package io.github.variantconnect.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the results as CSV (every number) and as the Markdown table docs/benchmarks.md shows. */
public final class ResultsWriter {

  static final String BEGIN = "<!-- bench-results:begin -->";
  static final String END = "<!-- bench-results:end -->";

  private ResultsWriter() {}

  public static void writeCsv(List<Result> results, Path file) throws IOException {
    StringBuilder csv = new StringBuilder(
        "benchmark,goal,ratio,ratio_min,ratio_max,ours,baseline,unit,baseline_name,goal_met,command,note\n");
    for (Result r : results) {
      csv.append(String.join(",", quote(r.benchmark()), quote(r.goal()), number(r.ratio(), "%.3f"),
          number(r.ratioMin(), "%.3f"), number(r.ratioMax(), "%.3f"),
          number(r.ours(), "%.1f"), number(r.baseline(), "%.1f"), quote(r.unit()), quote(r.baselineName()),
          r.goalMet() == null ? "" : r.goalMet().toString(), quote(r.command()), quote(r.note()))).append('\n');
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv);
  }

  public static String markdown(List<Result> results, String machine) {
    StringBuilder md = new StringBuilder();
    md.append("Machine: ").append(machine).append("\n\n");
    md.append("| Benchmark | Goal | Measured (median) | Rounds min – max | Ours | Baseline | Goal met | Command |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      boolean paired = !Double.isNaN(r.ratio());
      md.append("| ").append(r.benchmark())
          .append(" | ").append(r.goal())
          .append(" | ").append(paired ? String.format(Locale.ROOT, "**%.2f×**", r.ratio()) : "**" + amount(r.ours(), r.unit()) + "**")
          .append(" | ").append(Double.isNaN(r.ratioMin()) ? ""
              : String.format(Locale.ROOT, "%.2f – %.2f", r.ratioMin(), r.ratioMax()))
          .append(" | ").append(paired ? amount(r.ours(), r.unit()) : "")
          .append(" | ").append(paired ? r.baselineName() + ": " + amount(r.baseline(), r.unit()) : "")
          .append(" | ").append(r.goalMet() == null ? "—" : r.goalMet() ? "yes" : "**no**")
          .append(" | `").append(r.command()).append("` |\n");
    }
    md.append("\nPer row:\n\n");
    for (Result r : results) {
      md.append("- ").append(r.benchmark()).append(": ").append(r.note()).append('\n');
    }
    return md.toString();
  }

  /** Replaces the generated block of the benchmarks page, keeping the prose around it. */
  public static void updateDocs(Path docs, String markdown) throws IOException {
    String page = Files.readString(docs);
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException(docs + " has no " + BEGIN + " … " + END + " block to replace");
    }
    Files.writeString(docs, page.substring(0, begin + BEGIN.length()) + "\n" + markdown + page.substring(end));
  }

  private static String amount(double value, String unit) {
    return String.format(Locale.ROOT, value >= 100 ? "%,.0f %s" : "%,.1f %s", value, unit);
  }

  private static String number(double value, String format) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
  }

  private static String quote(String text) {
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
