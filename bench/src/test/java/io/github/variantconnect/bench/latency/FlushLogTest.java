package io.github.variantconnect.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlushLogTest {

  @TempDir
  Path dir;

  @Test
  void sumsTheSinksBatchesAndTheBackoffOfWritesThatMetALock() throws Exception {
    Path log = dir.resolve("worker.log");
    Files.writeString(log, String.join("\n",
        "15:27:25.385 [task-thread-s-0] INFO io.github.variantconnect.sink.core.SinkWriter - Opened [t-0]",
        "15:27:26.001 [task-thread-s-0] DEBUG io.github.variantconnect.sink.core.SinkWriter - Wrote 5000 rows of 4 partitions in 60 ms",
        "15:27:35.697 [task-thread-s-0] INFO io.github.variantconnect.sink.core.SinkWriter - Target write of 6491 rows of"
            + " 2 partition(s) failed (the DuckDB file /x.duckdb is locked by another process ...); retrying in 20 ms",
        "15:27:36.001 [task-thread-s-0] DEBUG io.github.variantconnect.sink.core.SinkWriter - Wrote 3000 rows of 4 partitions in 140 ms"));

    assertThat(FlushLog.read(log)).isEqualTo(new FlushLog(2, 8000, 200, 140, 1, 20));
  }
}
