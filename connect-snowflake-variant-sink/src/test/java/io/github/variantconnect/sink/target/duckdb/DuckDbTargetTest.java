package io.github.variantconnect.sink.target.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.TargetException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbTargetTest {

  private static final TopicPartition P0 = new TopicPartition("ats-telemetry", 0);
  private static final TopicPartition P1 = new TopicPartition("ats-telemetry", 1);

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("sub/variant.duckdb");
  }

  private DuckDbTarget target(DuckDbFiles.Connector connector) {
    return new DuckDbTarget(new DuckDbConfig(Map.of("duckdb.path", file().toString())), "sink-a", connector);
  }

  private DuckDbTarget target() {
    return target(DuckDbFiles.DUCKDB);
  }

  @Test
  void writesRowsAsJsonAndOffsetsAndReadsThemBackOnOpen() throws Exception {
    DuckDbTarget target = target();
    assertThat(target.open(List.of(P0, P1))).isEmpty();

    target.write(batch(slice(P0, "ATS_RAW_JSON", 0, 3), slice(P1, "OTHER", 0, 2)));

    assertThat(query("SELECT count(*) FROM ATS_RAW_JSON")).containsExactly("3");
    assertThat(query("SELECT RECORD_CONTENT->>'$.n' FROM ATS_RAW_JSON ORDER BY 1")).containsExactly("0", "1", "2");
    assertThat(query("SELECT typeof(RECORD_METADATA), RECORD_METADATA->>'$.topic' FROM OTHER LIMIT 1"))
        .containsExactly("JSON", "ats-telemetry");
    assertThat(target.committedOffsets(List.of(P0, P1))).isEqualTo(Map.of(P0, 2L, P1, 1L));

    DuckDbTarget reopened = target();
    assertThat(reopened.open(List.of(P0, P1))).isEqualTo(Map.of(P0, 2L, P1, 1L));
    DuckDbTarget otherConnector =
        new DuckDbTarget(new DuckDbConfig(Map.of("duckdb.path", file().toString())), "sink-b", DuckDbFiles.DUCKDB);
    assertThat(otherConnector.open(List.of(P0))).as("offsets are per connector").isEmpty();
  }

  @Test
  void writingTheSameRecordsAgainAddsNothing() throws Exception {
    DuckDbTarget target = target();
    target.open(List.of(P0));
    target.write(batch(slice(P0, "T", 0, 3)));

    DuckDbTarget zombie = target();
    zombie.write(batch(slice(P0, "T", 0, 5)));
    zombie.write(batch(slice(P0, "T", 0, 5)));

    assertThat(query("SELECT list(RECORD_CONTENT->>'$.n' ORDER BY RECORD_CONTENT->>'$.n') FROM T"))
        .containsExactly("[0, 1, 2, 3, 4]");
    assertThat(zombie.committedOffsets(List.of(P0))).containsEntry(P0, 4L);
  }

  @Test
  void offsetsAdvancePastRecordsThatProducedNoRow() throws Exception {
    DuckDbTarget target = target();
    target.open(List.of(P0));
    target.write(new Batch(List.of(new PartitionBatch(P0, List.of(), 9))));

    assertThat(target().open(List.of(P0))).containsEntry(P0, 9L);
  }

  @Test
  void resettingOffsetsMakesTheSameOffsetsNewAgain() throws Exception {
    DuckDbTarget target = target();
    target.open(List.of(P0, P1));
    target.write(batch(slice(P0, "ATS_RAW_JSON", 0, 5), slice(P1, "ATS_RAW_JSON", 0, 5)));

    target.resetOffsets(Map.of(P0, 0L, P1, 3L));

    assertThat(target.committedOffsets(List.of(P0, P1))).isEqualTo(Map.of(P1, 2L));
    assertThat(target(DuckDbFiles.DUCKDB).open(List.of(P0, P1))).isEqualTo(Map.of(P1, 2L));
    target.write(batch(slice(P0, "ATS_RAW_JSON", 0, 2)));
    assertThat(query("SELECT count(*) FROM ATS_RAW_JSON")).containsExactly("12");
  }

  @Test
  void aFailureBetweenWriteAndCommitLeavesNeitherRowsNorOffsets() throws Exception {
    target().open(List.of(P0));
    target().write(batch(slice(P0, "T", 0, 2)));
    DuckDbTarget failing = target(file -> failOnCommit(DuckDbFiles.DUCKDB.open(file)));

    assertThatThrownBy(() -> failing.write(batch(slice(P0, "T", 2, 3), slice(P1, "NEW_TABLE", 0, 3))))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("connection lost before commit");

    assertThat(query("SELECT count(*) FROM T")).containsExactly("2");
    assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'NEW_TABLE'"))
        .containsExactly("0");
    assertThat(target().open(List.of(P0, P1))).isEqualTo(Map.of(P0, 1L));
  }

  @Test
  void aTableWithOtherColumnsIsAFatalErrorNamingIt() throws Exception {
    execute("CREATE TABLE T (RECORD_CONTENT JSON, RECORD_METADATA JSON)");
    DuckDbTarget target = target();

    assertThatThrownBy(() -> target.write(batch(slice(P0, "T", 0, 1))))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.getMessage()).contains("table T").contains("[RECORD_CONTENT, RECORD_METADATA]");
        });
  }

  @Test
  void aTableCreatedByHandWithTheRightColumnsIsUsed() throws Exception {
    execute("CREATE TABLE my_table (record_metadata JSON, record_content JSON)");

    target().write(batch(slice(P0, "MY_TABLE", 0, 2)));

    assertThat(query("SELECT count(*) FROM my_table")).containsExactly("2");
  }

  @Test
  void aReaderInAnotherProcessLocksTheFileOnlyWhileItReadsAndTheSinkRetriesAfterwards() throws Exception {
    DuckDbTarget target = target();
    target.write(batch(slice(P0, "T", 0, 2)));

    Process reader = DuckDbReaderProcess.start(file().toString(), "SELECT count(*) FROM T", 3000);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("result 2");
      assertThat(out.readLine()).isEqualTo("holding");

      assertThatThrownBy(() -> target.write(batch(slice(P0, "T", 2, 2))))
          .isInstanceOfSatisfying(TargetException.class, e -> {
            assertThat(e.retriable()).isTrue();
            assertThat(e.busy()).isTrue();
            assertThat(e.getMessage()).contains("locked by another process");
          });
      assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    target.write(batch(slice(P0, "T", 2, 2)));

    // The sink let go of the file after writing: another process can open it at once.
    Process next = DuckDbReaderProcess.start(file().toString(), "SELECT count(*) FROM T", 0);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(next.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("result 4");
    }
    next.waitFor(30, TimeUnit.SECONDS);
  }

  @Test
  void identifiersAreQuotedAndOnlyValidOnesAccepted() {
    assertThat(DuckDbSql.quote("ATS_RAW_JSON")).isEqualTo("\"ATS_RAW_JSON\"");
    assertThatThrownBy(() -> DuckDbSql.quote("x\"; DROP TABLE y; --")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lockConflictsAndFullDisksAreRetriableOtherErrorsAreNot() {
    Path f = Path.of("/data/x.duckdb");
    assertThat(DuckDbErrors.classify(f, "writing to", new SQLException(
        "IO Error: Could not set lock on file \"/data/x.duckdb\": Conflicting lock is held in java (PID 1)")).retriable())
        .isTrue();
    assertThat(DuckDbErrors.classify(f, "writing to", new SQLException(
        "IO Error: Could not set lock on file \"/data/x.duckdb\": Conflicting lock is held in java (PID 1)")).busy())
        .isTrue();
    TargetException full = DuckDbErrors.classify(f, "writing to", new SQLException(
        "IO Error: Could not write file \"/data/x.duckdb.wal\": No space left on device"));
    assertThat(full.retriable()).isTrue();
    assertThat(full.busy()).isFalse();
    assertThat(DuckDbErrors.classify(f, "writing to", new SQLException(
        "FATAL Error: Failed: database has been invalidated because of a previous fatal error")).retriable()).isTrue();
    assertThat(DuckDbErrors.classify(f, "writing to", new SQLException("Catalog Error: Table x does not exist"))
        .retriable()).isFalse();
    assertThat(DuckDbErrors.classify(f, "writing to", new IllegalStateException("bug")).retriable()).isFalse();
  }

  private static Batch batch(PartitionBatch... slices) {
    return new Batch(List.of(slices));
  }

  private static PartitionBatch slice(TopicPartition tp, String table, long from, int count) {
    List<Row> rows = new ArrayList<>();
    for (long offset = from; offset < from + count; offset++) {
      rows.add(new Row(table, offset,
          "{\"topic\":\"" + tp.topic() + "\",\"partition\":" + tp.partition() + ",\"offset\":" + offset + "}",
          "{\"n\":" + offset + "}"));
    }
    return new PartitionBatch(tp, rows, from + count - 1);
  }

  /** The connection dies between the appends and the commit, as in a crash. */
  private static Connection failOnCommit(Connection real) {
    return (Connection) Proxy.newProxyInstance(DuckDbTargetTest.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("commit")) {
            real.close();
            throw new SQLException("connection lost before commit");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private Connection connect() throws Exception {
    java.nio.file.Files.createDirectories(file().getParent());
    return DriverManager.getConnection("jdbc:duckdb:" + file());
  }

  private void execute(String sql) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private List<String> query(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          values.add(rs.getString(i));
        }
      }
    }
    return values;
  }
}
