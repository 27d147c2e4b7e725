package io.github.variantconnect.sink.target.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.testkit.Awaits;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks of one worker writing one DuckDB file: batches that arrive while another is written are
 * committed together in one transaction, each with its own offsets; a part that fails for good
 * fails alone.
 */
class DuckDbGroupCommitTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final TopicPartition P0 = new TopicPartition("ats-telemetry", 0);
  private static final TopicPartition P1 = new TopicPartition("ats-telemetry", 1);
  private static final TopicPartition P2 = new TopicPartition("ats-telemetry", 2);

  @TempDir
  Path dir;

  private final AtomicInteger opens = new AtomicInteger();
  private final CountDownLatch releaseFirst = new CountDownLatch(1);

  private Path file() {
    return dir.resolve("shared.duckdb");
  }

  private DuckDbTarget target(DuckDbFiles.Connector connector) {
    return new DuckDbTarget(new DuckDbConfig(Map.of("duckdb.path", file().toString())), "sink-shared", connector);
  }

  /** Counts the file's openings; the first waits until the test lets it go on. */
  private Connection counted(Path file) throws java.sql.SQLException {
    if (opens.incrementAndGet() == 1) {
      try {
        releaseFirst.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return DuckDbFiles.DUCKDB.open(file);
  }

  @Test
  void batchesArrivingDuringAWriteAreCommittedTogetherWithTheirOwnOffsets() throws Exception {
    DuckDbTarget first = target(this::counted);
    DuckDbTarget second = target(this::counted);
    DuckDbTarget third = target(this::counted);
    List<Thread> threads = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    threads.add(write(first, P0, failure));
    Awaits.until(WAIT, "the first write holding the file", () -> opens.get() == 1);
    threads.add(write(second, P1, failure));
    threads.add(write(third, P2, failure));
    Awaits.until(WAIT, "both later writes queued", () -> threads.subList(1, 3).stream()
        .allMatch(t -> t.getState() == Thread.State.WAITING));
    releaseFirst.countDown();
    for (Thread thread : threads) {
      thread.join(WAIT.toMillis());
    }

    assertThat(failure.get()).isNull();
    assertThat(opens.get()).as("the two queued batches shared one opening of the file").isEqualTo(2);
    assertThat(query("SELECT count(*) FROM ATS_RAW_JSON")).containsExactly("15");
    assertThat(query("SELECT \"PARTITION\", \"KAFKA_OFFSET\" FROM VARIANT_CONNECT_OFFSETS ORDER BY 1"))
        .containsExactly("0:4", "1:4", "2:4");
    assertThat(second.committedOffsets(List.of(P1))).isEqualTo(Map.of(P1, 4L));
    assertThat(third.committedOffsets(List.of(P2))).isEqualTo(Map.of(P2, 4L));
  }

  @Test
  void aPartThatFailsForGoodDoesNotFailTheOthersOfItsGroup() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE WRONG_SHAPE (a INTEGER)");
    }
    DuckDbTarget first = target(this::counted);
    DuckDbTarget good = target(this::counted);
    DuckDbTarget bad = target(this::counted);
    AtomicReference<Throwable> goodFailure = new AtomicReference<>();
    AtomicReference<Throwable> badFailure = new AtomicReference<>();
    Thread a = write(first, P0, new AtomicReference<>());
    Awaits.until(WAIT, "the first write holding the file", () -> opens.get() == 1);
    Thread b = write(good, P1, goodFailure);
    Thread c = new Thread(() -> {
      try {
        bad.write(TestBatches.batch(P2, "WRONG_SHAPE", 0, 5));
      } catch (TargetException | RuntimeException e) {
        badFailure.set(e);
      }
    });
    c.start();
    Awaits.until(WAIT, "both later writes queued", () -> b.getState() == Thread.State.WAITING
        && c.getState() == Thread.State.WAITING);
    releaseFirst.countDown();
    for (Thread thread : List.of(a, b, c)) {
      thread.join(WAIT.toMillis());
    }

    assertThat(goodFailure.get()).isNull();
    assertThat(badFailure.get()).isInstanceOf(TargetException.class).hasMessageContaining("WRONG_SHAPE");
    assertThat(query("SELECT count(*) FROM ATS_RAW_JSON")).containsExactly("10");
    assertThat(query("SELECT \"PARTITION\", \"KAFKA_OFFSET\" FROM VARIANT_CONNECT_OFFSETS ORDER BY 1")).containsExactly("0:4", "1:4");
  }

  private static Thread write(DuckDbTarget target, TopicPartition tp, AtomicReference<Throwable> failure) {
    Thread thread = new Thread(() -> {
      try {
        target.write(TestBatches.batch(tp, "ATS_RAW_JSON", 0, 5));
      } catch (TargetException | RuntimeException e) {
        failure.set(e);
      }
    });
    thread.start();
    return thread;
  }

  private List<String> query(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder(rs.getString(1));
        for (int i = 2; i <= columns; i++) {
          row.append(':').append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
