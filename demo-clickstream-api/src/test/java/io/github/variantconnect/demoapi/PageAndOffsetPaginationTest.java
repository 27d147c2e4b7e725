package io.github.variantconnect.demoapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageAndOffsetPaginationTest {

  @Test
  void pageNumbersWalkEveryEventSinceTheGivenTimeExactlyOnce() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(TestHttp.staticFeed(2_000).build())) {
      // 100 events per second from START: events at or after START + 3 s begin at seq 300.
      List<String> expected = TestHttp.ids(api.events(300, 2_000));
      assertThat(walkPages(api, "since=2026-01-05T00:00:03Z", 128)).isEqualTo(expected);
      long epochMillis = TestHttp.START.plusSeconds(3).toEpochMilli();
      assertThat(walkPages(api, "since=" + epochMillis, 500)).isEqualTo(expected);
      assertThat(walkPages(api, "since=2026-01-05T01:00:03%2B01:00", 1_000)).isEqualTo(expected);
    }
  }

  @Test
  void withoutSinceTheFirstPageStartsAtTheFirstEvent() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(TestHttp.staticFeed(50).build())) {
      JsonNode page = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/events?page=1&size=20"));
      assertThat(TestHttp.ids(page)).isEqualTo(TestHttp.ids(api.events(0, 20)));
      assertThat(page.get("page").asInt()).isEqualTo(1);
      assertThat(page.get("size").asInt()).isEqualTo(20);
      assertThat(page.get("next_page").asInt()).isEqualTo(2);
      assertThat(page.get("has_more").asBoolean()).isTrue();
    }
  }

  @Test
  void aPartialPageHasNoNextPageUntilTheFeedFillsIt() {
    MutableClock clock = new MutableClock(TestHttp.START);
    try (DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder().clock(clock)
        .start(TestHttp.START).eventsPerSecond(10).initialEvents(25).build())) {
      String url = api.baseUrl() + "/v1/events?since=2026-01-05T00:00:00Z&page=2&size=20";
      JsonNode partial = TestHttp.json(TestHttp.get(url));
      assertThat(partial.get("data")).hasSize(5);
      assertThat(partial.get("next_page").isNull()).isTrue();
      clock.advance(Duration.ofSeconds(2));
      JsonNode full = TestHttp.json(TestHttp.get(url));
      assertThat(TestHttp.ids(full)).isEqualTo(TestHttp.ids(api.events(20, 40)));
      assertThat(full.get("next_page").asInt()).isEqualTo(3);
    }
  }

  @Test
  void offsetsWalkEveryEventExactlyOnce() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(TestHttp.staticFeed(1_234).build())) {
      List<String> seen = new ArrayList<>();
      long offset = 0;
      for (int i = 0; i < 100; i++) {
        JsonNode page = TestHttp.json(
            TestHttp.get(api.baseUrl() + "/v1/events?offset=" + offset + "&limit=100"));
        assertThat(page.get("offset").asLong()).isEqualTo(offset);
        assertThat(page.get("limit").asInt()).isEqualTo(100);
        seen.addAll(TestHttp.ids(page));
        assertThat(page.get("next_offset").asLong()).isEqualTo(offset + page.get("data").size());
        offset = page.get("next_offset").asLong();
        if (!page.get("has_more").asBoolean()) {
          break;
        }
      }
      assertThat(seen).containsExactlyElementsOf(TestHttp.ids(api.events(0, 1_234)));
      JsonNode beyond = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/events?offset=5000"));
      assertThat(beyond.get("data")).isEmpty();
      assertThat(beyond.get("next_offset").asLong()).isEqualTo(5_000);
    }
  }

  static List<String> walkPages(DemoClickstreamApi api, String since, int size) {
    List<String> seen = new ArrayList<>();
    int page = 1;
    for (int i = 0; i < 1_000; i++) {
      JsonNode body = TestHttp.json(TestHttp.get(
          api.baseUrl() + "/v1/events?" + since + "&page=" + page + "&size=" + size));
      seen.addAll(TestHttp.ids(body));
      if (body.get("next_page").isNull()) {
        break;
      }
      page = body.get("next_page").asInt();
    }
    return seen;
  }
}
