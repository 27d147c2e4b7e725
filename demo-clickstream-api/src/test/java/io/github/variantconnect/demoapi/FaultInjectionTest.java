package io.github.variantconnect.demoapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final String PAGE = "/v1/events?limit=50";

  private static DemoClickstreamApi start(Faults faults) {
    return DemoClickstreamApi.start(TestHttp.staticFeed(1_000).faults(faults).build());
  }

  @Test
  void serverErrorsThenTheRetrySucceeds() {
    try (DemoClickstreamApi api = start(Faults.none())) {
      String expected = TestHttp.get(api.baseUrl() + PAGE).body();
      HttpResponse<String> failed = TestHttp.get(api.baseUrl() + PAGE + "&fault.error_rate=1");
      assertThat(failed.statusCode()).isIn(500, 503);
      assertThat(TestHttp.json(failed).get("error").asText())
          .isIn("internal_error", "service_unavailable");
      assertThat(TestHttp.get(api.baseUrl() + PAGE).body()).isEqualTo(expected);
      assertThat(api.faultCount(FaultType.SERVER_ERROR)).isEqualTo(1);
    }
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    try (DemoClickstreamApi api = start(Faults.builder().tooManyRequestsRate(1)
        .retryAfterSeconds(2).build())) {
      HttpResponse<String> limited = TestHttp.get(api.baseUrl() + PAGE);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(TestHttp.json(limited).get("error").asText()).isEqualTo("rate_limited");
      String retried = api.baseUrl() + PAGE + "&fault.too_many_requests_rate=0";
      assertThat(TestHttp.get(retried).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aSlowReplyOutlastsTheClientTimeoutAndTheRetryIsFast() {
    try (DemoClickstreamApi api = start(Faults.none())) {
      HttpRequest slow = HttpRequest.newBuilder(URI.create(
              api.baseUrl() + PAGE + "&fault.slow_rate=1&fault.slow_delay_ms=5000"))
          .timeout(Duration.ofMillis(300)).build();
      assertThatThrownBy(() -> TestHttp.CLIENT.send(slow, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(HttpTimeoutException.class);
      assertThat(TestHttp.get(api.baseUrl() + PAGE).statusCode()).isEqualTo(200);
      assertThat(api.faultCount(FaultType.SLOW)).isEqualTo(1);
    }
  }

  @Test
  void aTruncatedBodyIsA200WithBrokenJson() {
    try (DemoClickstreamApi api = start(Faults.builder().truncateRate(1).build())) {
      HttpResponse<String> cut = TestHttp.get(api.baseUrl() + PAGE);
      assertThat(cut.statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> TestHttp.JSON.readTree(cut.body()))
          .isInstanceOf(JsonProcessingException.class);
      String whole = TestHttp.get(api.baseUrl() + PAGE + "&fault.truncate_rate=0").body();
      assertThat(whole).startsWith(cut.body()).hasSizeGreaterThan(cut.body().length());
      assertThat(TestHttp.json(TestHttp.get(api.baseUrl() + PAGE + "&fault.truncate_rate=0"))
          .get("data")).hasSize(50);
    }
  }

  @Test
  void anOversizeBodyIsValidJsonFarBeyondTheNormalSize() {
    try (DemoClickstreamApi api = start(Faults.none())) {
      String normal = TestHttp.get(api.baseUrl() + PAGE).body();
      HttpResponse<String> big = TestHttp.get(api.baseUrl() + PAGE
          + "&fault.oversize_rate=1&fault.oversize_bytes=3000000");
      assertThat(big.statusCode()).isEqualTo(200);
      assertThat(big.body().length()).isGreaterThan(3_000_000);
      assertThat(TestHttp.ids(TestHttp.json(big)))
          .isEqualTo(TestHttp.ids(TestHttp.json(TestHttp.get(api.baseUrl() + PAGE))));
      assertThat(normal.length()).isLessThan(50_000);
      assertThat(api.faultCount(FaultType.OVERSIZE)).isEqualTo(1);
    }
  }

  @Test
  void aRedirectGoesToTheOtherLoopbackNameAndFollowingItSucceeds() {
    try (DemoClickstreamApi api = start(Faults.none())) {
      String url = api.baseUrl() + PAGE + "&redirect=other-host";
      HttpResponse<String> redirect = TestHttp.get(url);
      assertThat(redirect.statusCode()).isEqualTo(302);
      assertThat(redirect.headers().firstValue("Location"))
          .hasValue("http://localhost:" + api.port() + "/v1/events?limit=50");
      HttpClient following = TestHttp.client(HttpClient.Redirect.NORMAL);
      HttpResponse<String> followed =
          TestHttp.send(following, HttpRequest.newBuilder(URI.create(url)));
      assertThat(followed.statusCode()).isEqualTo(200);
      assertThat(followed.uri().getHost()).isEqualTo("localhost");
      assertThat(TestHttp.json(followed).get("next_url").asText())
          .startsWith("http://localhost:" + api.port() + "/");
      HttpResponse<String> post = TestHttp.post(
          api.baseUrl() + "/v1/events/query?redirect=other-host", "{\"limit\":5}");
      assertThat(post.statusCode()).isEqualTo(307);
    }
  }

  @Test
  void repeatedItemsOverlapAdjacentPagesAndDedupingRecoversEveryEvent() {
    try (DemoClickstreamApi api = start(Faults.builder().repeatItems(3).build())) {
      List<String> pages = new ArrayList<>();
      List<String> previous = List.of();
      String url = api.baseUrl() + PAGE;
      for (int i = 0; i < 100; i++) {
        JsonNode page = TestHttp.json(TestHttp.get(url));
        List<String> ids = TestHttp.ids(page);
        if (!previous.isEmpty() && !ids.isEmpty()) {
          assertThat(ids.subList(0, 3))
              .isEqualTo(previous.subList(previous.size() - 3, previous.size()));
        }
        pages.addAll(ids);
        previous = ids;
        url = page.get("next_url").asText();
        if (!page.get("has_more").asBoolean()) {
          break;
        }
      }
      assertThat(pages).hasSizeGreaterThan(1_000);
      assertThat(pages.stream().distinct().toList())
          .containsExactlyElementsOf(TestHttp.ids(api.events(0, 1_000)));
      assertThat(PageAndOffsetPaginationTest.walkPages(api, "since=0", 100).stream().distinct())
          .containsExactlyElementsOf(TestHttp.ids(api.events(0, 1_000)));
      assertThat(api.faultCount(FaultType.REPEATED_ITEMS)).isPositive();
    }
  }

  @Test
  void aRetryingClientStillGetsEveryEventExactlyOnceThroughMixedFaults() {
    Faults faults = Faults.builder().errorRate(0.2).tooManyRequestsRate(0.1).retryAfterSeconds(0)
        .truncateRate(0.1).redirectRate(0.1).oversizeRate(0.05).oversizeBytes(100_000).build();
    try (DemoClickstreamApi api = start(faults)) {
      HttpClient following = TestHttp.client(HttpClient.Redirect.NORMAL);
      List<String> seen = new ArrayList<>();
      String url = api.baseUrl() + "/v1/events?limit=100";
      for (int attempt = 0; attempt < 500 && seen.size() < 1_000; attempt++) {
        HttpResponse<String> response =
            TestHttp.send(following, HttpRequest.newBuilder(URI.create(url)));
        JsonNode page = response.statusCode() == 200 ? parseOrNull(response.body()) : null;
        if (page != null) {
          seen.addAll(TestHttp.ids(page));
          url = page.get("next_url").asText();
        }
      }
      assertThat(seen).containsExactlyElementsOf(TestHttp.ids(api.events(0, 1_000)));
      assertThat(api.faultCount()).isPositive();
      assertThat(api.faultCount(FaultType.SERVER_ERROR)).isPositive();
      assertThat(api.faultCount(FaultType.TRUNCATED)).isPositive();
    }
  }

  @Test
  void theSameSeedAndRequestOrderReplayTheSameFaults() {
    Faults faults = Faults.builder().errorRate(0.3).tooManyRequestsRate(0.2).build();
    assertThat(statuses(faults)).isEqualTo(statuses(faults)).contains(200, 429);
  }

  @Test
  void unknownFaultKnobsAreRejected() {
    try (DemoClickstreamApi api = start(Faults.none())) {
      CursorPaginationTest.assertError(TestHttp.get(api.baseUrl() + PAGE + "&fault.boom=1"), 400,
          "invalid_request");
      CursorPaginationTest.assertError(
          TestHttp.get(api.baseUrl() + PAGE + "&fault.error_rate=2"), 400, "invalid_request");
      CursorPaginationTest.assertError(
          TestHttp.get(api.baseUrl() + PAGE + "&redirect=elsewhere"), 400, "invalid_request");
    }
  }

  private static List<Integer> statuses(Faults faults) {
    try (DemoClickstreamApi api = start(faults)) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        statuses.add(TestHttp.get(api.baseUrl() + PAGE).statusCode());
      }
      return statuses;
    }
  }

  private static JsonNode parseOrNull(String body) {
    try {
      return TestHttp.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
