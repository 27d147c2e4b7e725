package io.github.variantconnect.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.duckdb.DuckDbLocks;
import io.github.variantconnect.testkit.duckdb.DuckDbReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once under crashes: the worker, running the ATS source and the sink, is killed with
 * SIGKILL several times while both are mid-stream — each time while the sink holds the DuckDB file
 * for a write in flight on its write thread — and restarted. Afterwards the DuckDB table holds
 * every event the source produced exactly once, and no reader ever saw a partial batch.
 */
class VariantSinkCrashIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String TABLE = "ATS_RAW_JSON";

  @Test
  void killedWorkerLeavesNeitherLossNorDuplicateInDuckDb() {
    SinkConfigs.requireAtsPlugin(CONNECT);
    long ticks = 1_200;
    int trains = 115;
    long expected = trains * ticks;
    CONNECT.kafka().createTopic("ats-crash", 3);
    Path file = SinkConfigs.duckDbFile("crash");
    // 20 ticks per second: about 2,300 events/s for a minute of stream, so the kills land mid-stream
    // even on a busy machine.
    Map<String, String> source = SinkConfigs.ats("ats-crash", ticks, "600");
    source.put("sim.start", "");
    // A killed source leaves its transaction open; a restarted worker reads the offsets topic only past
    // it, so let the broker abort it soon rather than after the default minute.
    source.put("producer.override.transaction.timeout.ms", "10000");
    CONNECT.rest().putConfig("ats-crash", source);
    CONNECT.rest().putConfig("sink-crash", SinkConfigs.with(SinkConfigs.sink("ats-crash", file, "ats-crash:" + TABLE),
        "buffer.count.records", "500"));
    CONNECT.awaitRunning("sink-crash", 2, TIMEOUT);

    DuckDbReader reader = new DuckDbReader(file);
    List<String> inconsistencies = new ArrayList<>();
    List<Long> rowsAtKill = new ArrayList<>();
    for (int kill = 1; kill <= 3; kill++) {
      long before = reader.count(TABLE);
      long target = Math.min(before + trains * 20L, expected);
      Awaits.until(TIMEOUT, "sink writing again after " + before + " rows",
          () -> checkedCount(reader, inconsistencies) >= target);
      if (reader.count(TABLE) >= expected) {
        break; // the stream ended before this kill: a kill now would not land mid-stream
      }
      rowsAtKill.add(reader.count(TABLE));
      // SIGKILL while the sink holds the file: a batch is being written on the write thread.
      Awaits.until(TIMEOUT, "the sink writing a batch", () -> sinkHoldsFile(file));
      CONNECT.killAndRestartWorker();
      CONNECT.awaitRunning("sink-crash", 2, TIMEOUT);
    }
    Awaits.until(TIMEOUT, "all " + expected + " events in DuckDB", () -> checkedCount(reader, inconsistencies) >= expected);

    assertThat(rowsAtKill).as("kills that landed mid-stream").isNotEmpty().allSatisfy(rows -> assertThat(rows).isLessThan(expected));
    assertThat(inconsistencies).isEmpty();
    List<ConsumerRecord<String, String>> produced = CONNECT.topicReader().readToEnd("ats-crash");
    assertThat(VariantSinkIT.byEventId(produced)).hasSize((int) expected);
    long rows = reader.count(TABLE);
    Long distinct = reader.read(c -> DuckDbReader.single(c,
        "SELECT count(DISTINCT RECORD_CONTENT->>'$.event_id') FROM " + TABLE));
    assertThat(rows).isEqualTo(expected);
    assertThat(distinct).isEqualTo(expected);
  }

  /**
   * True when the sink holds the file right now: it takes the lock only to write a batch (and,
   * briefly, to read its offsets), so this is the moment a write is in flight.
   */
  private static boolean sinkHoldsFile(Path file) {
    if (!Files.exists(file)) {
      return false;
    }
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly)) {
      return false;
    } catch (SQLException e) {
      return DuckDbLocks.isLockConflict(e);
    }
  }

  private static long checkedCount(DuckDbReader reader, List<String> inconsistencies) {
    List<String> problems = reader.read(c -> BatchConsistency.check(c, TABLE, "sink-crash"));
    if (problems != null) {
      inconsistencies.addAll(problems);
    }
    return reader.count(TABLE);
  }
}
