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
 * SIGKILL of the worker while several pages are fetched ahead: what was in flight is requested
 * again from the stored position, so each topic holds every event of the API once.
 */
class HttpSourcePagesAheadCrashIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true)
      .workerProperty("producer.transaction.timeout.ms", "10000").build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void aCrashWithSeveralPagesInFlightDeliversEveryIdExactlyOnce() {
    long total = 24_000;
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(97, 2_000, total, 1_000).build())) {
      CONNECT.rest().putConfig("ahead-offset", with(connector(api, "ahead-offset"), "pagination.mode", "offset",
          "pagination.limit", "200", "pagination.pages.ahead", "4"));
      CONNECT.rest().putConfig("ahead-cursor", with(connector(api, "ahead-cursor"), "pagination.limit", "200"));
      CONNECT.awaitRunning("ahead-offset", 1, TIMEOUT);
      CONNECT.awaitRunning("ahead-cursor", 1, TIMEOUT);

      int seen = 0;
      for (int kill = 1; kill <= 2; kill++) {
        seen = CONNECT.topicReader().awaitRecords("ahead-offset", seen + 2_000, TIMEOUT).size();
        CONNECT.killAndRestartWorker();
        CONNECT.awaitRunning("ahead-offset", 1, TIMEOUT);
        CONNECT.awaitRunning("ahead-cursor", 1, TIMEOUT);
      }

      api.awaitPublished(total, TIMEOUT);
      Map<String, JsonNode> truth = DemoFeeds.truth(api);
      DeliveredEvents.assertExactlyOnce(CONNECT, api, "ahead-offset", truth, TIMEOUT);
      DeliveredEvents.assertExactlyOnce(CONNECT, api, "ahead-cursor", truth, TIMEOUT);
    }
  }
}
