package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.reliability.KillPoints.KillPoint;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.List;
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
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void twentySigkillsAtSeededPointsLoseNothingAndDoubleNothing() throws InterruptedException {
    Results results = Results.named("crash");
    // Both streams last about 250 s, longer than twenty kill-and-restart cycles (7 s each on two
    // cores), so every kill lands while events are still flowing.
    try (Pipeline pipeline = Pipeline.builder("crash").ats(500, 2, 2).clicks(1, 2_000, 150, 39_500).build()) {
      pipeline.start(CONNECT);
      pipeline.awaitRunning(CONNECT, TIMEOUT);
      List<KillPoint> points = KillPoints.seeded(SEED, KILLS, pipeline.expectedEvents(), 0.03, 0.80, 2_000);

      long started = System.nanoTime();
      for (KillPoint point : points) {
        Awaits.until(TIMEOUT, "kill " + point.number() + ": " + point.rows() + " rows landed",
            () -> pipeline.rows() >= point.rows());
        // The delay is part of the kill point, drawn from the seed: not a wait for a condition.
        Thread.sleep(point.delayMs());
        long rowsAtKill = pipeline.rows();
        long cycle = System.nanoTime();
        CONNECT.killAndRestartWorker();
        pipeline.awaitRunning(CONNECT, TIMEOUT);
        results.line(String.format("kill %2d at %,d rows (point: %,d rows + %,d ms); all tasks running again after %,d ms",
            point.number(), rowsAtKill, point.rows(), point.delayMs(), (System.nanoTime() - cycle) / 1_000_000));
        assertThat(rowsAtKill).as("kill %s landed mid-stream", point.number()).isLessThan(pipeline.expectedEvents());
        pipeline.assertNoDuplicateRows();
      }
      results.line(String.format("%d kills in %,d s", KILLS, (System.nanoTime() - started) / 1_000_000_000));

      pipeline.awaitAllRows(TIMEOUT);
      pipeline.assertExactlyOnce();
      pipeline.assertTopicsExactlyOnce(CONNECT);
      results.line(String.format("%,d ATS events and %,d clickstream events landed once each",
          pipeline.expectedAtsEvents(), pipeline.expectedClicks()));
    }
  }
}
