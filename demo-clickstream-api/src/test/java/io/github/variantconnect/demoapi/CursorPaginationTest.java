package io.github.variantconnect.demoapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorPaginationTest {

  @Test
  void followingCursorsOnALiveFeedReturnsEveryEventExactlyOnce() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder()
        .eventsPerSecond(4_000).initialEvents(500).maxEvents(3_000).build())) {
      List<String> seen = new ArrayList<>();
      String url = api.baseUrl() + "/v1/events?limit=250";
      for (int polls = 0; polls < 2_000 && seen.size() < 3_000; polls++) {
        JsonNode page = TestHttp.json(TestHttp.get(url));
        seen.addAll(TestHttp.ids(page));
        url = page.get("next_url").asText();
        if (page.get("data").isEmpty()) {
          api.awaitPublished(Math.min(3_000, seen.size() + 1), Duration.ofSeconds(10));
        }
      }
      assertThat(seen).containsExactlyElementsOf(TestHttp.ids(api.events(0, 3_000)));
    }
  }

  @Test
  void aCaughtUpClientGetsAnEmptyPageAndKeepsItsCursor() {
    MutableClock clock = new MutableClock(TestHttp.START);
    try (DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder().clock(clock)
        .eventsPerSecond(10).initialEvents(30).build())) {
      JsonNode first = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/events?limit=100"));
      assertThat(first.get("data")).hasSize(30);
      assertThat(first.get("has_more").asBoolean()).isFalse();
      String cursor = first.get("next_cursor").asText();
      JsonNode idle = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/events?cursor=" + cursor));
      assertThat(idle.get("data")).isEmpty();
      assertThat(idle.get("next_cursor").asText()).isEqualTo(cursor);
      clock.advance(Duration.ofSeconds(1));
      JsonNode fresh = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/events?cursor=" + cursor));
      assertThat(TestHttp.ids(fresh)).containsExactlyElementsOf(TestHttp.ids(api.events(30, 40)));
    }
  }

  @Test
  void theLinkHeaderPointsAtTheNextPage() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(TestHttp.staticFeed(100).build())) {
      HttpResponse<String> response = TestHttp.get(api.baseUrl() + "/v1/events?limit=10");
      JsonNode page = TestHttp.json(response);
      String cursor = page.get("next_cursor").asText();
      String next = api.baseUrl() + "/v1/events?cursor=" + cursor + "&limit=10";
      assertThat(response.headers().firstValue("Link")).hasValue("<" + next + ">; rel=\"next\"");
      assertThat(page.get("next_url").asText()).isEqualTo(next);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(TestHttp.ids(TestHttp.json(TestHttp.get(next))))
          .containsExactlyElementsOf(TestHttp.ids(api.events(10, 20)));
    }
  }

  @Test
  void eventsOnTheWireMatchTheGroundTruthFieldForField() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(TestHttp.staticFeed(500).build())) {
      JsonNode page = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/events?limit=500"));
      page.get("data").forEach(event -> assertThat(event.fieldNames())
          .toIterable().containsExactlyElementsOf(ClickEvent.FIELD_NAMES));
      assertThat(TestHttp.dataAsMaps(page))
          .isEqualTo(api.events(0, 500).stream().map(ClickEvent::toMap).toList());
    }
  }

  @Test
  void twoServersWithTheSameSeedServeTheSameBytes() {
    try (DemoClickstreamApi one = DemoClickstreamApi.start(TestHttp.staticFeed(300).build());
        DemoClickstreamApi two = DemoClickstreamApi.start(TestHttp.staticFeed(300).build())) {
      String path = "/v1/events?limit=300";
      assertThat(TestHttp.get(two.baseUrl() + path).body().replace(two.baseUrl(), one.baseUrl()))
          .isEqualTo(TestHttp.get(one.baseUrl() + path).body());
    }
  }

  @Test
  void postQueryPagesLikeTheCursorGet() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(TestHttp.staticFeed(1_000).build())) {
      List<String> seen = new ArrayList<>();
      String body = "{\"limit\":300}";
      for (int i = 0; i < 10; i++) {
        JsonNode page = TestHttp.json(TestHttp.post(api.baseUrl() + "/v1/events/query", body,
            "Content-Type", "application/json"));
        seen.addAll(TestHttp.ids(page));
        if (!page.get("has_more").asBoolean()) {
          break;
        }
        body = "{\"cursor\":\"" + page.get("next_cursor").asText() + "\",\"limit\":300}";
      }
      assertThat(seen).containsExactlyElementsOf(TestHttp.ids(api.events(0, 1_000)));
    }
  }

  @Test
  void badRequestsAreRejectedWithAReason() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(TestHttp.staticFeed(10).build())) {
      String events = api.baseUrl() + "/v1/events";
      assertError(TestHttp.get(events + "?cursor=bogus"), 400, "invalid_cursor");
      assertError(TestHttp.get(events + "?limit=0"), 400, "invalid_request");
      assertError(TestHttp.get(events + "?limit=5001"), 400, "invalid_request");
      assertError(TestHttp.get(events + "?cursor=c2VxOjM&offset=3"), 400, "invalid_request");
      assertError(TestHttp.get(events + "?since=yesterday"), 400, "invalid_request");
      assertError(TestHttp.get(events + "?since=999999999999999999"), 400, "invalid_request");
      assertError(TestHttp.get(events + "?page=0"), 400, "invalid_request");
      assertError(TestHttp.post(events + "/query", "[1]"), 400, "invalid_request");
      assertError(TestHttp.post(events, "{}"), 405, "method_not_allowed");
      assertError(TestHttp.get(api.baseUrl() + "/v2/events"), 404, "not_found");
      assertThat(TestHttp.get(events + "?limit=5000").statusCode()).isEqualTo(200);
    }
  }

  static void assertError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = TestHttp.json(response);
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("message").asText()).isNotBlank();
  }
}
