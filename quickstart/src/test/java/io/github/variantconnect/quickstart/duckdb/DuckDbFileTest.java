package io.github.variantconnect.quickstart.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbFileTest {

  @TempDir
  Path temp;

  @Test
  void readOnlyConnectionsCannotWrite() throws Exception {
    DuckDbFile file = new DuckDbFile(temp.resolve("r.duckdb"));
    file.write(Duration.ZERO, c -> c.createStatement().execute("CREATE TABLE t AS SELECT 42 AS x"));

    int x = file.read(Duration.ZERO, c -> count(c.createStatement().executeQuery("SELECT x FROM t")));
    assertThat(x).isEqualTo(42);
    assertThatThrownBy(() -> file.read(Duration.ZERO, c -> c.createStatement().execute("DROP TABLE t")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void waitsForAnotherProcessToLetGoOfTheFile() throws Exception {
    Path path = temp.resolve("locked.duckdb");
    DuckDbFile file = new DuckDbFile(path);
    file.write(Duration.ZERO, c -> c.createStatement().execute("CREATE TABLE t AS SELECT 7 AS x"));

    Holder holder = startHolder(path, 1_500);
    try {
      // Too little patience: the conflict comes back as what it is.
      assertThatThrownBy(() -> file.read(Duration.ofMillis(100), c -> 0))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(DuckDbFile.isLockConflict((SQLException) e)).isTrue());
      // Enough patience: retried until the other process closes its connection.
      int x = file.read(Duration.ofSeconds(30), c -> count(c.createStatement().executeQuery("SELECT x FROM t")));
      assertThat(x).isEqualTo(7);
      // The holder says so before it closes its connection: the read got in only after that.
      assertThat(holder.output().ready()).as("the holder announced letting go before the read succeeded").isTrue();
      assertThat(holder.output().readLine()).isEqualTo("releasing");
    } finally {
      holder.process().destroyForcibly();
      holder.process().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void onlyLockConflictsAreRetried() {
    assertThat(DuckDbFile.isLockConflict(new SQLException(
        "IO Error: Could not set lock on file \"x\": Conflicting lock is held in java (PID 1)"))).isTrue();
    assertThat(DuckDbFile.isLockConflict(new SQLException("Catalog Error: Table with name T does not exist")))
        .isFalse();
  }

  /** A {@link LockHolder} process and what it prints. */
  private record Holder(Process process, BufferedReader output) {}

  /** Starts {@link LockHolder} in its own JVM and returns once it holds the file. */
  private static Holder startHolder(Path file, long holdMillis) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", "");
    if (classpath.isBlank()) {
      classpath = System.getProperty("java.class.path");
    }
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp", classpath,
        LockHolder.class.getName(), file.toString(), Long.toString(holdMillis))
        .redirectErrorStream(true)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.equals("locked")) {
        return new Holder(process, out);
      }
    }
    throw new IllegalStateException("the lock holder ended without taking the lock");
  }

  private static int count(ResultSet rs) throws SQLException {
    try (rs) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
