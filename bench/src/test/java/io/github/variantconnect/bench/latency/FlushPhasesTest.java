package io.github.variantconnect.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlushPhasesTest {

  @TempDir
  Path dir;

  @Test
  void splitsEachWriteIntoItsPhasesAndNamesTheSlowest() throws Exception {
    Path log = dir.resolve("worker.log");
    String target = "DEBUG io.github.variantconnect.sink.target.duckdb.DuckDbTarget - Held /d/v.duckdb ";
    Files.writeString(log, String.join("\n",
        "15:27:26.001 [w] " + target + "40 ms for writing to it: waited 0 ms for this worker's other writers,"
            + " opened in 10 ms, worked 25 ms of which the commit 20 ms, closed in 5 ms",
        "15:27:26.101 [w] " + target + "12 ms for reading offsets from it: waited 0 ms for this worker's other writers,"
            + " opened in 10 ms, worked 1 ms of which the commit 0 ms, closed in 1 ms",
        "15:27:27.250 [w] " + target + "900 ms for writing to it: waited 3 ms for this worker's other writers,"
            + " opened in 700 ms, worked 150 ms of which the commit 120 ms, closed in 50 ms"));

    FlushPhases phases = FlushPhases.read(log);

    assertThat(phases.held().count()).as("writes only").isEqualTo(2);
    assertThat(phases.open().max()).isEqualTo(700);
    assertThat(phases.commit().at(50)).isEqualTo(20);
    assertThat(phases.slowest()).first().asString()
        .isEqualTo("15:27:27.250 held 900 ms (open 700, work 150 incl. commit 120, close 50)");
  }
}
