package io.github.variantconnect.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {

  @TempDir
  Path dir;

  private final Rounds rounds = new Rounds();

  private List<Result> results() {
    rounds.add(90, 100);
    return List.of(
        Result.paired("ATS source, tasks.max=1", "≥ 0.8× raw producer", rounds, "records/s", "raw loop", true, "cmd a", "n"),
        Result.figure("Latency p99", "p99 < 1 s", 1427, "ms", false, "cmd b", "m"));
  }

  @Test
  void theTableShowsRatiosForPairedRowsAndFiguresForTheOthers() {
    String markdown = ResultsWriter.markdown(results(), "2 cores");

    assertThat(markdown).contains("| ATS source, tasks.max=1 | ≥ 0.8× raw producer | **0.90×** | 0.90 – 0.90 |"
        + " 90.0 records/s | raw loop: 100 records/s | yes | `cmd a` |");
    assertThat(markdown).contains("| Latency p99 | p99 < 1 s | **1,427 ms** |  |  |  | **no** | `cmd b` |");
  }

  @Test
  void onlyTheGeneratedBlockOfThePageIsReplaced() throws Exception {
    Path page = dir.resolve("benchmarks.md");
    Files.writeString(page, "intro\n" + ResultsWriter.BEGIN + "\nold\n" + ResultsWriter.END + "\nnotes\n");

    ResultsWriter.updateDocs(page, "new table\n");

    assertThat(Files.readString(page))
        .isEqualTo("intro\n" + ResultsWriter.BEGIN + "\nnew table\n" + ResultsWriter.END + "\nnotes\n");
  }

  @Test
  void aPageWithoutTheBlockIsLeftAloneAndNamed() throws Exception {
    Path page = dir.resolve("benchmarks.md");
    Files.writeString(page, "no block here\n");

    assertThatThrownBy(() -> ResultsWriter.updateDocs(page, "x")).hasMessageContaining(page.toString());
    assertThat(Files.readString(page)).isEqualTo("no block here\n");
  }

  @Test
  void theCsvQuotesTextAndLeavesMissingNumbersEmpty() throws Exception {
    Path csv = dir.resolve("results.csv");

    ResultsWriter.writeCsv(results(), csv);

    assertThat(Files.readAllLines(csv)).containsExactly(
        "benchmark,goal,ratio,ratio_min,ratio_max,ours,baseline,unit,baseline_name,goal_met,command,note",
        "\"ATS source, tasks.max=1\",\"≥ 0.8× raw producer\",0.900,0.900,0.900,90.0,100.0,\"records/s\",\"raw loop\",true,\"cmd a\",\"n\"",
        "\"Latency p99\",\"p99 < 1 s\",,,,1427.0,,\"ms\",\"\",false,\"cmd b\",\"m\"");
  }
}
