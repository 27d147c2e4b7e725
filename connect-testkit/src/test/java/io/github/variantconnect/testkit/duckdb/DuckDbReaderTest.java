package io.github.variantconnect.testkit.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared DuckDB reader against a writer in another process, as the tests meet the sink: while
 * the writer holds a transaction open the file is locked (a reader without patience gets the
 * conflict, not a wrong answer), and once it is aborted — rolled back, or its process killed — the
 * reader sees only what was committed.
 */
class DuckDbReaderTest {

  @TempDir
  Path temp;

  private Process writer;
  private BufferedReader said;
  private PrintWriter tell;

  @AfterEach
  void stopWriter() throws InterruptedException {
    if (writer != null) {
      writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anOpenTransactionLocksTheFileAndARolledBackOneLeavesOnlyCommittedRows() throws Exception {
    Path file = temp.resolve("open.duckdb");
    startWriter(file);

    assertThatThrownBy(() -> DuckDbLocks.withConnection(file, true, Duration.ZERO, c -> 0))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(DuckDbLocks.isLockConflict((SQLException) e)).as("a lock conflict").isTrue());

    tell("rollback");
    assertThat(said.readLine()).isEqualTo("rolled back");
    tell("close");
    assertThat(said.readLine()).isEqualTo("closed");
    DuckDbReader reader = new DuckDbReader(file);
    assertThat(reader.count("T")).as("rows once the open transaction was rolled back").isEqualTo(3);
    long highest = reader.read(c -> DuckDbReader.single(c, "SELECT max(id) FROM T"));
    assertThat(highest).as("the highest id committed").isEqualTo(3L);
    assertThat(reader.reads()).isEqualTo(2);
  }

  @Test
  void aTransactionOpenWhenItsWriterIsKilledNeverAppears() throws Exception {
    Path file = temp.resolve("killed.duckdb");
    startWriter(file);
    writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    DuckDbReader reader = new DuckDbReader(file);
    assertThat(reader.count("T")).as("committed rows after the writer died mid-transaction").isEqualTo(3);
  }

  @Test
  void aMissingFileReadsAsEmptyAndOtherErrorsAreNotRetried() {
    DuckDbReader reader = new DuckDbReader(temp.resolve("absent.duckdb"));
    assertThat(reader.count("T")).isZero();
    assertThat(DuckDbLocks.isLockConflict(new SQLException("Catalog Error: Table with name T does not exist"))).isFalse();
    assertThat(DuckDbLocks.isLockConflict(new SQLException("x", new SQLException(
        "IO Error: Could not set lock on file \"f\": Conflicting lock is held in java (PID 1)")))).isTrue();
  }

  private void startWriter(Path file) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", "");
    if (classpath.isBlank()) {
      classpath = System.getProperty("java.class.path");
    }
    writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
        classpath, TransactionHolder.class.getName(), file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    said = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
    tell = new PrintWriter(writer.getOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(said.readLine()).as("the writer holding its transaction open").isEqualTo("open");
  }

  private void tell(String line) {
    tell.println(line);
  }
}
