package io.github.variantconnect.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

  @TempDir
  Path dir;

  @Test
  void readsTheLargestHeapBeforeAndAfterCollections() throws Exception {
    Path log = dir.resolve("gc.log");
    Files.writeString(log, String.join("\n",
        "[0.012s][info][gc] Using G1",
        "[1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 3.029ms",
        "[9.100s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 150M->41M(256M) 5.100ms",
        "[9.900s][info][gc] GC(2) Pause Remark 60M->60M(256M) 1.2ms",
        "[9.901s][info][gc] GC(2) Concurrent Mark Cycle 20.5ms"));

    assertThat(GcLog.read(log)).isEqualTo(new GcLog(3, 60, 150, 256));
  }
}
