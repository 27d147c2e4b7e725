package io.github.variantconnect.http.it;

import static io.github.variantconnect.http.it.DemoFeeds.bounded;
import static io.github.variantconnect.http.it.DemoFeeds.connector;
import static io.github.variantconnect.http.it.DemoFeeds.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.demoapi.FaultType;
import io.github.variantconnect.demoapi.Faults;
import io.github.variantconnect.testkit.ConnectCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo API misbehaving on purpose: no event may be lost or doubled, and hard failures say why. */
class HttpSourceFaultsIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  /** Retries fast enough for a test; the budget is the default. */
  private static Map<String, String> resilient(DemoClickstreamApi api, String topic, String... settings) {
    return with(with(connector(api, topic), "http.request.timeout", "700ms", "retry.backoff.initial", "50ms",
        "retry.backoff.max", "1s", "pagination.limit", "200"), settings);
  }

  @Test
  void serverErrorsRateLimitsTimeoutsTruncationAndRepeatsCostNothingAndDoubleNothing() {
    Faults faults = Faults.builder()
        .errorRate(0.10)
        .tooManyRequestsRate(0.05)
        .retryAfterSeconds(1)
        .slowRate(0.05)
        .slowDelay(Duration.ofMillis(1_500))
        .truncateRate(0.10)
        .repeatItems(7)
        .build();
    DemoApiConfig demo = bounded(53, 1_000, 5_000, 1_000).faults(faults).build();
    try (DemoClickstreamApi api = DemoClickstreamApi.start(demo)) {
      CONNECT.rest().putConfig("faulty-cursor", resilient(api, "faulty-cursor"));
      CONNECT.rest().putConfig("faulty-page", resilient(api, "faulty-page", "pagination.mode", "page"));
      CONNECT.rest().putConfig("faulty-offset", resilient(api, "faulty-offset", "pagination.mode", "offset",
          "dedup.window.size", "500"));
      api.awaitPublished(5_000, TIMEOUT);
      Map<String, JsonNode> truth = DemoFeeds.truth(api);

      DeliveredEvents.assertExactlyOnce(CONNECT, api, "faulty-cursor", truth, TIMEOUT);
      DeliveredEvents.assertExactlyOnce(CONNECT, api, "faulty-page", truth, TIMEOUT);
      DeliveredEvents.assertExactlyOnce(CONNECT, api, "faulty-offset", truth, TIMEOUT);
      for (FaultType fault : new FaultType[] {FaultType.SERVER_ERROR, FaultType.TOO_MANY_REQUESTS, FaultType.SLOW,
          FaultType.TRUNCATED, FaultType.REPEATED_ITEMS}) {
        assertThat(api.faultCount(fault)).as("%s faults injected", fault).isPositive();
      }
      for (String name : new String[] {"faulty-cursor", "faulty-page", "faulty-offset"}) {
        CONNECT.awaitRunning(name, 1, TIMEOUT);
        CONNECT.rest().delete(name);
      }
    }
  }

  @Test
  void afterTheRetryBudgetTheTaskFailsNamingEndpointStatusAndBody() {
    DemoApiConfig demo = bounded(59, 100, 100, 100).faults(Faults.builder().errorRate(1.0).build()).build();
    try (DemoClickstreamApi api = DemoClickstreamApi.start(demo)) {
      CONNECT.rest().putConfig("always-failing", resilient(api, "always-failing", "retry.max.retries", "2"));

      String trace = CONNECT.awaitTaskFailed("always-failing", TIMEOUT).path("tasks").get(0).path("trace").asText();
      assertThat(trace).contains("endpoint default").contains(api.baseUrl() + "/v1/events").contains("2 retries spent");
      assertThat(trace).containsAnyOf("status 500: {\"error\":\"internal_error\"", "status 503: {\"error\":\"service_unavailable\"");
      CONNECT.rest().delete("always-failing");
    }
  }

  @Test
  void withErrorsToleranceAllAFailingEndpointIsLoggedWhileTheOthersGoOn() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(61, 500, 1_500, 1_000).build())) {
      Map<String, String> config = resilient(api, "tolerant-unused", "retry.max.retries", "1", "errors.tolerance", "all",
          "http.url", "", "http.endpoints", "healthy,broken",
          "http.endpoint.healthy.url", api.baseUrl() + "/v1/events", "http.endpoint.healthy.topic", "tolerant-healthy",
          "http.endpoint.broken.url", api.baseUrl() + "/v1/events?fault.error_rate=1", "http.endpoint.broken.topic", "tolerant-broken");
      CONNECT.rest().putConfig("tolerant", config);
      api.awaitPublished(1_500, TIMEOUT);

      DeliveredEvents.assertExactlyOnce(CONNECT, api, "tolerant-healthy", DemoFeeds.truth(api), TIMEOUT);
      CONNECT.awaitRunning("tolerant", 1, TIMEOUT);
      JsonNode offsets = CONNECT.rest().offsets("tolerant");
      assertThat(offsets.toString()).contains("healthy").doesNotContain("broken");
      CONNECT.rest().delete("tolerant");
    }
  }

  @Test
  void aRedirectToAnotherHostIsRefused() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(67, 100, 100, 100).build())) {
      CONNECT.rest().putConfig("redirected", resilient(api, "redirected", "http.url", api.baseUrl() + "/v1/events?redirect=other-host"));

      String trace = CONNECT.awaitTaskFailed("redirected", TIMEOUT).path("tasks").get(0).path("trace").asText();
      assertThat(trace).contains("to another host (localhost)").contains("http.redirects.other.hosts");
      CONNECT.rest().delete("redirected");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gzip", "deflate"})
  void gzipAndDeflatePagesAreDecodedAndEveryEventArrivesOnce(String coding) throws Exception {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(73, 1_000, 3_000, 2_000).build())) {
      HttpResponse<byte[]> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(api.baseUrl() + "/v1/events?limit=10")).header("Accept-Encoding", coding).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(direct.headers().firstValue("Content-Encoding")).as("the demo API compresses when asked").hasValue(coding);

      String name = "compressed-" + coding;
      CONNECT.rest().putConfig(name, with(connector(api, name), "http.accept.encoding", coding, "pagination.limit", "1000"));
      api.awaitPublished(3_000, TIMEOUT);

      DeliveredEvents.assertExactlyOnce(CONNECT, api, name, DemoFeeds.truth(api), TIMEOUT);
      CONNECT.rest().delete(name);
    }
  }

  @Test
  void aCompressionBombIsRefusedAtOnceNamingTheLimit() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(79, 100, 100, 100).build())) {
      CONNECT.rest().putConfig("bomb", resilient(api, "bomb", "http.url", api.baseUrl() + "/v1/events?fault.bomb_bytes=64000000",
          "http.max.response.bytes", "4000000"));

      String trace = CONNECT.awaitTaskFailed("bomb", TIMEOUT).path("tasks").get(0).path("trace").asText();
      assertThat(trace).contains("compression bomb").contains("http.max.response.bytes (4000000 bytes decoded)");
      assertThat(api.requestCount()).as("requests: the bomb is not asked for again").isEqualTo(1);
      CONNECT.rest().delete("bomb");
    }
  }
}
