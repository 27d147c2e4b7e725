package io.github.variantconnect.sink.target.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches the sink committed but did not checkpoint live in the file's write-ahead log: readers in
 * other processes must see them, and a crash must keep them, rows and offsets alike.
 */
class DuckDbWriteAheadLogTest {

  private static final TopicPartition P0 = DuckDbCrashingWriter.PARTITION;
  private static final String ROWS_AND_OFFSET = "SELECT (SELECT count(*) FROM T),"
      + " (SELECT max(KAFKA_OFFSET) FROM VARIANT_CONNECT_OFFSETS WHERE CONNECTOR = 'crashing')";

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("variant.duckdb");
  }

  private Path wal() {
    return Path.of(file() + ".wal");
  }

  private DuckDbTarget target(Map<String, String> extra) {
    Map<String, String> props = new HashMap<>(extra);
    props.put("duckdb.path", file().toString());
    return new DuckDbTarget(new DuckDbConfig(props), DuckDbCrashingWriter.CONNECTOR, DuckDbFiles.DUCKDB);
  }

  @Test
  void aReadOnlyReaderInAnotherProcessSeesBatchesThatAreOnlyInTheLog() throws Exception {
    DuckDbTarget target = target(Map.of());
    target.open(List.of(P0));
    target.write(TestBatches.batch(P0, "T", 0, 3));
    target.write(TestBatches.batch(P0, "T", 3, 2));

    assertThat(Files.size(wal())).as("committed batches left in the log").isPositive();
    assertThat(readOnly(ROWS_AND_OFFSET)).isEqualTo("result 5 4");
    assertThat(Files.size(wal())).as("a read-only reader leaves the log alone").isPositive();
    assertThat(target(Map.of()).open(List.of(P0))).containsEntry(P0, 4L);
  }

  @Test
  void theCommitThatCrossesTheThresholdCheckpoints() throws Exception {
    DuckDbTarget target = target(Map.of("duckdb.checkpoint.threshold.bytes", "1"));
    target.write(TestBatches.batch(P0, "T", 0, 3));

    assertThat(Files.exists(wal()) ? Files.size(wal()) : 0).isZero();
    assertThat(readOnly(ROWS_AND_OFFSET)).isEqualTo("result 3 2");
  }

  @Test
  void zeroCheckpointsOnEveryFlush() throws Exception {
    target(Map.of("duckdb.checkpoint.threshold.bytes", "0")).write(TestBatches.batch(P0, "T", 0, 3));

    assertThat(Files.exists(wal()) ? Files.size(wal()) : 0).isZero();
  }

  @Test
  void aWriterKilledAfterItsCommitLosesNothingAndOneKilledBeforeWritesNothing() throws Exception {
    assertThat(DuckDbCrashingWriter.run(file(), 0, 3, "close")).as("exit code").isEqualTo(9);
    assertThat(Files.size(wal())).isPositive();
    assertThat(readOnly(ROWS_AND_OFFSET)).as("both batches, the second never closed").isEqualTo("result 6 5");

    assertThat(DuckDbCrashingWriter.run(file(), 6, 3, "commit")).as("exit code").isEqualTo(9);
    assertThat(readOnly(ROWS_AND_OFFSET)).as("the third batch, not the fourth").isEqualTo("result 9 8");

    DuckDbTarget restarted = target(Map.of());
    assertThat(restarted.open(List.of(P0))).containsEntry(P0, 8L);
    restarted.write(TestBatches.batch(P0, "T", 6, 6));
    assertThat(readOnly("SELECT count(*), count(DISTINCT RECORD_CONTENT->>'n') FROM T")).isEqualTo("result 12 12");
  }

  private String readOnly(String query) throws Exception {
    Process reader = DuckDbReaderProcess.start(file().toString(), query, 0);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return line;
    }
  }
}
