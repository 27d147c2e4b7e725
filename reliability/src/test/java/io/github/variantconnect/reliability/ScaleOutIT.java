package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Connect cluster of two workers — two OS processes in one Connect group — running all three
 * connectors with {@code tasks.max} 2: the tasks spread over both workers, and when one worker is
 * killed with SIGKILL its tasks move to the other, with no event lost or doubled. Also records the
 * throughput of the same workload on one worker and on two.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

  @RegisterExtension
  static final ConnectCluster CONNECT =
      ConnectCluster.builder().workers(2).exactlyOnceSource(true).childProcess(true).build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final Results RESULTS = Results.named("scale-out");

  /**
   * The same bounded workload — a simulation run as fast as it goes and two APIs' backlogs — from
   * registration until every event is a row in DuckDB, first on one worker, then on two. Recorded,
   * not asserted: on a machine of two cores both workers compete for the same CPUs.
   */
  @Test
  @Order(1)
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void throughputOnOneWorkerAndOnTwoIsRecorded() {
    CONNECT.stopWorker(1);
    double one = endToEndEventsPerSecond("tput-one-worker");
    CONNECT.startWorker(1);
    double two = endToEndEventsPerSecond("tput-two-workers");
    RESULTS.line(String.format("end-to-end throughput, 1 worker: %,.0f events/s", one));
    RESULTS.line(String.format("end-to-end throughput, 2 workers: %,.0f events/s", two));
    RESULTS.line(String.format("2 workers / 1 worker: %.2f", two / one));
  }

  private static double endToEndEventsPerSecond(String name) {
    try (Pipeline pipeline = Pipeline.builder(name).ats(600, 1e9, 2).clicks(2, 50_000, 10_000, 25_000).build()) {
      long start = System.nanoTime();
      pipeline.start(CONNECT);
      pipeline.awaitAllRows(TIMEOUT);
      double seconds = (System.nanoTime() - start) / 1e9;
      pipeline.assertExactlyOnce();
      pipeline.deleteConnectors(CONNECT);
      RESULTS.line(String.format("%s: %,d events in %.1f s on %d worker(s)", name, pipeline.expectedEvents(), seconds,
          CONNECT.liveWorkerIds().size()));
      return pipeline.expectedEvents() / seconds;
    }
  }

  @Test
  @Order(2)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void tasksSpreadOverBothWorkersAndMoveWhenOneIsKilled() {
    // About a minute of stream, so the kill lands mid-stream.
    try (Pipeline pipeline = Pipeline.builder("scale").ats(240, 4, 2).clicks(2, 2_000, 400, 13_000).build()) {
      pipeline.start(CONNECT);
      pipeline.awaitRunning(CONNECT, TIMEOUT);
      TaskPlacement before = Awaits.value(TIMEOUT, "tasks on both workers",
          () -> TaskPlacement.of(CONNECT, pipeline.connectors()), placement -> placement.workers().size() == 2);
      RESULTS.line("tasks before the kill: " + before);
      String killed = CONNECT.workerId(1);
      String survivor = CONNECT.workerId(0);
      assertThat(before.workers()).containsExactlyInAnyOrder(killed, survivor);
      assertThat(before.tasksOn(killed)).isNotEmpty();

      Awaits.until(TIMEOUT, "the stream under way", () -> pipeline.rows() >= pipeline.expectedEvents() / 4);
      long rowsAtKill = pipeline.rows();
      CONNECT.killWorker(1);
      long killedAt = System.nanoTime();
      pipeline.awaitRunning(CONNECT, TIMEOUT);
      TaskPlacement after = TaskPlacement.of(CONNECT, pipeline.connectors());
      RESULTS.line(String.format("killed %s at %,d of %,d rows; its tasks %s ran on %s again after %,d ms",
          killed, rowsAtKill, pipeline.expectedEvents(), before.tasksOn(killed), survivor,
          (System.nanoTime() - killedAt) / 1_000_000));
      assertThat(rowsAtKill).isLessThan(pipeline.expectedEvents());
      assertThat(after.workers()).containsExactly(survivor);
      assertThat(after.tasksOn(survivor)).containsAll(before.tasksOn(killed));

      pipeline.awaitAllRows(TIMEOUT);
      pipeline.assertExactlyOnce();
      pipeline.assertTopicsExactlyOnce(CONNECT);
    }
  }
}
