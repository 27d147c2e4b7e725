package io.github.variantconnect.reliability;

import io.github.variantconnect.reliability.KillPoints.KillPoint;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once through crashes of the whole bundle: the worker, in its own OS process, runs the ATS
 * source, the HTTP source (on the demo API) and the DuckDB sink on a worker with exactly-once source
 * support, and is killed with SIGKILL twenty times at seeded points of one long stream, then
 * restarted. After every restart no event is in DuckDB twice; at the end, rows = distinct event ids
 * = events produced, and the topics (read_committed) hold every event once.
 */
class CrashIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  private static final int KILLS = 20;
  /** Change it to explore other kill points; keep the one that failed to replay a failure. */
  private static final long SEED = 20260105L;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void twentySigkillsAtSeededPointsLoseNothingAndDoubleNothing() throws InterruptedException {
    Results results = Results.named("crash");
    // Streams longer than any run of twenty kills (2 ticks/s of the ATS simulation, 150 clicks/s);
    // once the kills are done, both are ended early, so every kill lands mid-stream however long
    // the restarts take.
    try (Pipeline pipeline = Pipeline.builder("crash").ats(2_000, 2, 2).clicks(1, 2_000, 150, 150_000).build()) {
      pipeline.start(CONNECT);
      pipeline.awaitRunning(CONNECT, TIMEOUT);

      long started = System.nanoTime();
      long rowsAtRestart = 0;
      for (KillPoint point : KillPoints.seeded(SEED, KILLS, 3_000)) {
        long progressFrom = rowsAtRestart;
        Awaits.until(TIMEOUT, "rows landing again before kill " + point.number(), () -> pipeline.rows() > progressFrom);
        // The delay is the kill point, drawn from the seed: not a wait for a condition.
        Thread.sleep(point.delayMs());
        long rowsAtKill = pipeline.rows();
        long cycle = System.nanoTime();
        CONNECT.killAndRestartWorker();
        pipeline.awaitRunning(CONNECT, TIMEOUT);
        rowsAtRestart = pipeline.rows();
        results.line(String.format("kill %2d %,5d ms after rows landed again, at %,d rows; all tasks running again after %,d ms",
            point.number(), point.delayMs(), rowsAtKill, (System.nanoTime() - cycle) / 1_000_000));
        pipeline.assertNoDuplicateRows();
      }
      results.line(String.format("%d kills in %,d s", KILLS, (System.nanoTime() - started) / 1_000_000_000));

      pipeline.endEarlyAndAssertExactlyOnce(CONNECT, TIMEOUT, results);
    }
  }
}
