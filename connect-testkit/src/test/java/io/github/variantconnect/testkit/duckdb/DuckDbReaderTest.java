package io.github.variantconnect.testkit.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbReaderTest {

  @TempDir
  Path temp;

  @Test
  void aMissingFileReadsAsNothingYet() {
    DuckDbReader reader = new DuckDbReader(temp.resolve("absent.duckdb"));

    assertThat(reader.count("ATS_RAW")).isZero();
    assertThat(reader.tables()).isEmpty();
    assertThat(reader.<Long>read(c -> 1L)).isNull();
    assertThat(reader.reads()).isZero();
  }

  @Test
  void countsRowsAndDistinctIdsReadOnly() throws Exception {
    Path file = temp.resolve("rows.duckdb");
    DuckDbLocks.withConnection(file, false, Duration.ZERO, c -> {
      try (Statement statement = c.createStatement()) {
        statement.execute("CREATE TABLE ATS_RAW (RECORD_METADATA JSON, RECORD_CONTENT JSON)");
        statement.execute("INSERT INTO ATS_RAW VALUES ('{}', '{\"event_id\":\"a\"}'), ('{}', '{\"event_id\":\"a\"}'),"
            + " ('{}', '{\"event_id\":\"b\"}')");
      }
      return null;
    });
    DuckDbReader reader = new DuckDbReader(file);

    assertThat(reader.count("ATS_RAW")).isEqualTo(3);
    assertThat(reader.rowsAndDistinct("ATS_RAW", "event_id")).isEqualTo(new DuckDbReader.RowCount(3, 2));
    assertThat(reader.tables()).containsExactly("ATS_RAW");
    assertThat(reader.reads()).isEqualTo(3);
    assertThatThrownBy(() -> reader.read(c -> c.createStatement().execute("DROP TABLE ATS_RAW")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void onlyLockConflictsAreRetried() {
    assertThat(DuckDbLocks.isLockConflict(new SQLException(
        "IO Error: Could not set lock on file \"x\": Conflicting lock is held in java (PID 1)"))).isTrue();
    assertThat(DuckDbLocks.isLockConflict(new SQLException("wrapped", new SQLException("Conflicting lock is held"))))
        .isTrue();
    assertThat(DuckDbLocks.isLockConflict(new SQLException("Catalog Error: Table with name T does not exist")))
        .isFalse();
  }
}
