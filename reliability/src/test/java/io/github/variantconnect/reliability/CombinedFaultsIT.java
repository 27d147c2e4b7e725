package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.demoapi.Faults;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults at once: the worker is killed with SIGKILL again and again while the demo API answers
 * with 5xx, 429 and truncated bodies, and the broker — in its own process too — is stopped and
 * started again, once with the worker running through the outage and once with the worker killed
 * during it. Nothing is lost or doubled, and the worker log and task status explain each failure.
 */
class CombinedFaultsIT {

  @RegisterExtension
  static final ConnectCluster CONNECT =
      ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).brokerProcess(true).build();

  /** Change it to explore other kill points; keep the one that failed to replay a failure. */
  private static final long SEED = 20261204L;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final Faults API_FAULTS = Faults.builder()
      .errorRate(0.1).tooManyRequestsRate(0.05).retryAfterSeconds(1).truncateRate(0.1).build();

  /** What happens at each step of the loop. */
  private enum Fault { KILL, BROKER_OUTAGE, KILL_DURING_BROKER_OUTAGE }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void crashLoopWithApiFaultsAndBrokerOutagesLosesNothingAndDoublesNothing() throws InterruptedException {
    Results results = Results.named("combined-faults");
    Random random = new Random(SEED);
    List<String> failedTasks = new ArrayList<>();
    try (Pipeline pipeline = Pipeline.builder("combined").ats(2_000, 2, 2).clicks(1, 1_000, 150, 150_000)
        .apiFaults(API_FAULTS)
        .httpSettings("pagination.limit", "200", "http.request.timeout", "2s", "retry.backoff.initial", "50ms",
            "retry.backoff.max", "1s")
        .build()) {
      pipeline.start(CONNECT);
      pipeline.awaitRunning(CONNECT, TIMEOUT);

      long rowsAtRestart = 0;
      List<Fault> loop = List.of(Fault.KILL, Fault.BROKER_OUTAGE, Fault.KILL, Fault.KILL_DURING_BROKER_OUTAGE, Fault.KILL);
      for (int step = 1; step <= loop.size(); step++) {
        long progressFrom = rowsAtRestart;
        Awaits.until(TIMEOUT, "rows landing again before step " + step, () -> pipeline.rows() > progressFrom);
        long delayMs = random.nextInt(3_000);
        long outageMs = 2_000 + random.nextInt(4_000);
        // The delays are the fault points, drawn from the seed: not waits for a condition.
        Thread.sleep(delayMs);
        Fault fault = loop.get(step - 1);
        switch (fault) {
          case KILL -> CONNECT.killAndRestartWorker();
          case BROKER_OUTAGE -> {
            CONNECT.kafka().stopBroker();
            Thread.sleep(outageMs);
            CONNECT.kafka().startBroker();
          }
          case KILL_DURING_BROKER_OUTAGE -> {
            CONNECT.kafka().stopBroker();
            Thread.sleep(outageMs / 2);
            CONNECT.killWorker(0);
            Thread.sleep(outageMs / 2);
            CONNECT.kafka().startBroker();
            CONNECT.startWorker();
          }
        }
        failedTasks.addAll(pipeline.awaitRunningRestartingFailedTasks(CONNECT, TIMEOUT));
        rowsAtRestart = pipeline.rows();
        results.line(String.format("step %d: %s %,d ms after rows landed again%s; %,d rows", step, fault, delayMs,
            fault == Fault.KILL ? "" : String.format(", broker away %,d ms", outageMs), rowsAtRestart));
        pipeline.assertNoDuplicateRows();
      }
      failedTasks.forEach(trace -> results.line("a task failed and was restarted: " + trace));

      pipeline.endEarlyAndAssertExactlyOnce(CONNECT, TIMEOUT, results);

      assertFailuresExplained(pipeline.apis().get(0));
      assertThat(failedTasks).as("traces of tasks that failed on the way, each naming its cause")
          .allSatisfy(trace -> assertThat(trace).containsPattern("Exception: \\S"));
    }
  }

  /** Each kind of failure met is in the worker logs, saying what it was. */
  private static void assertFailuresExplained(DemoClickstreamApi api) {
    WorkerLogs logs = new WorkerLogs(CONNECT.workerLogs());
    List<String> apiFailures = logs.lines(line -> line.contains(api.baseUrl() + "/") && line.contains(" failed with "));
    assertThat(apiFailures).as("5xx replies logged").anyMatch(line -> line.matches(".*failed with status 5\\d\\d: .*"));
    assertThat(apiFailures).as("429 replies logged with their Retry-After")
        .anyMatch(line -> line.contains("failed with status 429") && line.contains("retry after 1 s"));
    assertThat(apiFailures).as("truncated bodies logged")
        .anyMatch(line -> line.contains("failed with bad body: body is not complete JSON"));
    String broker = CONNECT.kafka().bootstrapServers();
    assertThat(logs.lines(line -> line.contains(broker) && line.contains("could not be established")))
        .as("the broker's absence logged by the worker's clients").isNotEmpty();
  }
}
