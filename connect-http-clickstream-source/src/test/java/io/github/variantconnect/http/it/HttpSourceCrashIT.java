package io.github.variantconnect.http.it;

import static io.github.variantconnect.http.it.DemoFeeds.bounded;
import static io.github.variantconnect.http.it.DemoFeeds.connector;
import static io.github.variantconnect.http.it.DemoFeeds.with;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once under crashes: the worker runs in its own JVM and is killed with SIGKILL while the
 * connectors are mid-stream, then restarted against the same broker. Read with read_committed, each
 * topic must hold every event of the API once.
 */
class HttpSourceCrashIT {

  // The killed worker leaves a transaction open on the offsets topic; a short transaction timeout lets
  // the broker abort it soon, so the restarted worker can read the committed offsets sooner.
  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true)
      .workerProperty("producer.transaction.timeout.ms", "10000").build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void killedWorkerResumesWithoutGapOrDuplicate() {
    long total = 36_000;
    // A live feed of about 35 s: the kills land while events are still appearing.
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(71, 1_000, total, 1_000).build())) {
      CONNECT.rest().putConfig("crash-cursor", with(connector(api, "crash-cursor"), "pagination.limit", "300"));
      CONNECT.rest().putConfig("crash-page", with(connector(api, "crash-page"), "pagination.mode", "page",
          "pagination.limit", "300", "dedup.window.size", "300"));
      CONNECT.awaitRunning("crash-cursor", 1, TIMEOUT);
      CONNECT.awaitRunning("crash-page", 1, TIMEOUT);

      int seen = 0;
      for (int kill = 1; kill <= 2; kill++) {
        seen = CONNECT.topicReader().awaitRecords("crash-cursor", seen + 2_000, TIMEOUT).size();
        CONNECT.killAndRestartWorker();
        CONNECT.awaitRunning("crash-cursor", 1, TIMEOUT);
        CONNECT.awaitRunning("crash-page", 1, TIMEOUT);
      }

      api.awaitPublished(total, TIMEOUT);
      Map<String, JsonNode> truth = DemoFeeds.truth(api);
      DeliveredEvents.assertExactlyOnce(CONNECT, api, "crash-cursor", truth, TIMEOUT);
      DeliveredEvents.assertExactlyOnce(CONNECT, api, "crash-page", truth, TIMEOUT);
    }
  }
}
