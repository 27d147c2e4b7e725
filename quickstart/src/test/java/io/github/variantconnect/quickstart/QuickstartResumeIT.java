package io.github.variantconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.testkit.Awaits;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop and run again over the same data directory: the connectors are found again, both feeds go
 * on where they stopped, and the DuckDB file ends up with every event exactly once — no train
 * tick and no clickstream position missing or repeated across the restart.
 */
class QuickstartResumeIT {

  private static final Duration DATA_TIMEOUT = Duration.ofMinutes(2);

  @TempDir
  Path temp;

  @Test
  void secondRunResumesBothFeedsWithoutGapOrDuplicate() throws Exception {
    Path dataDir = temp.resolve("data");
    // One API port for both runs, as the run command has, so the second run finds its configs unchanged.
    int apiPort = freePort();
    DuckDbFile duckDb = new DuckDbFile(dataDir.resolve("variant.duckdb"));

    Counts beforeStop;
    try (QuickstartStack first = QuickstartStack.start(options(dataDir, apiPort), System.out)) {
      assertThat(first.connectors()).hasSize(3);
      Awaits.until(DATA_TIMEOUT, "both feeds in DuckDB", () -> {
        Counts now = countsWhileRunning(duckDb);
        return now.ats() >= 2 * 115 && now.clicks() > 1_000;
      });
    }
    beforeStop = counts(duckDb);

    try (QuickstartStack second = QuickstartStack.start(options(dataDir, apiPort), System.out)) {
      assertThat(second.dataDirectory().root()).isEqualTo(dataDir.toAbsolutePath());
      Awaits.until(DATA_TIMEOUT, "both feeds growing after the restart", () -> {
        Counts now = countsWhileRunning(duckDb);
        return now.ats() > beforeStop.ats() + 2 * 115 && now.clicks() > beforeStop.clicks() + 500;
      });
    }

    Counts after = counts(duckDb);
    assertThat(after.atsDistinct()).as("ATS events without duplicates").isEqualTo(after.ats());
    assertThat(after.atsGaps()).as("train ticks missing").isZero();
    assertThat(after.clicksDistinct()).as("clickstream events without duplicates").isEqualTo(after.clicks());
    assertThat(after.clickMaxSeq() + 1).as("clickstream positions 0..max all present").isEqualTo(after.clicks());
  }

  /** What the raw tables hold. */
  record Counts(long ats, long atsDistinct, long atsGaps, long clicks, long clicksDistinct, long clickMaxSeq) {}

  /** Reads while the sink writes; the lock conflicts that brings are retried by the caller's await. */
  private static Counts countsWhileRunning(DuckDbFile duckDb) {
    try {
      return counts(duckDb);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Counts counts(DuckDbFile duckDb) throws Exception {
    return duckDb.read(Duration.ofSeconds(10), connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("""
              WITH ats AS (
                SELECT RECORD_CONTENT ->> '$.event_id' AS event_id,
                       RECORD_CONTENT ->> '$.train_id' AS train_id,
                       CAST(RECORD_CONTENT ->> '$.seq' AS BIGINT) AS seq
                FROM ATS_RAW_JSON),
              per_train AS (
                SELECT MAX(seq) + 1 - COUNT(DISTINCT seq) AS missing FROM ats GROUP BY train_id),
              clicks AS (
                SELECT RECORD_CONTENT ->> '$.event_id' AS event_id FROM CLICKSTREAM_RAW)
              SELECT (SELECT COUNT(*) FROM ats),
                     (SELECT COUNT(DISTINCT event_id) FROM ats),
                     (SELECT COALESCE(SUM(missing), 0) FROM per_train),
                     (SELECT COUNT(*) FROM clicks),
                     (SELECT COUNT(DISTINCT event_id) FROM clicks),
                     (SELECT COALESCE(MAX(CAST(split_part(event_id, '-', 3) AS BIGINT)), -1) FROM clicks)""")) {
        rs.next();
        return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
      }
    });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static QuickstartOptions options(Path dataDir, int apiPort) {
    Properties properties = new Properties();
    properties.putAll(System.getProperties());
    properties.setProperty("quickstart.data.dir", dataDir.toString());
    properties.setProperty("quickstart.dashboard.port", "0");
    properties.setProperty("quickstart.api.port", Integer.toString(apiPort));
    return QuickstartOptions.parse(new String[0], properties);
  }
}
