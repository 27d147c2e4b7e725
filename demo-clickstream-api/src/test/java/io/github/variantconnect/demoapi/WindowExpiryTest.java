package io.github.variantconnect.demoapi;

import static io.github.variantconnect.demoapi.CursorPaginationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowExpiryTest {
  private final MutableClock clock = new MutableClock(TestHttp.START);

  private DemoClickstreamApi start() {
    return DemoClickstreamApi.start(DemoApiConfig.builder().clock(clock).start(TestHttp.START)
        .eventsPerSecond(1_000).initialEvents(5_000).window(1_000).build());
  }

  @Test
  void aCursorThatFellOutOfTheWindowGets410() {
    try (DemoClickstreamApi api = start()) {
      JsonNode first = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/events?limit=10"));
      assertThat(TestHttp.ids(first)).isEqualTo(TestHttp.ids(api.events(4_000, 4_010)));
      String cursor = first.get("next_cursor").asText();
      clock.advance(Duration.ofSeconds(2));
      assertError(TestHttp.get(api.baseUrl() + "/v1/events?cursor=" + cursor), 410,
          "cursor_expired");
      JsonNode restart = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/events?limit=1"));
      assertThat(TestHttp.ids(restart)).isEqualTo(TestHttp.ids(api.events(6_000, 6_001)));
    }
  }

  @Test
  void offsetsAndPagesBeforeTheWindowGet410() {
    try (DemoClickstreamApi api = start()) {
      assertError(TestHttp.get(api.baseUrl() + "/v1/events?offset=3999"), 410, "cursor_expired");
      assertThat(TestHttp.get(api.baseUrl() + "/v1/events?offset=4000").statusCode())
          .isEqualTo(200);
      assertError(TestHttp.get(api.baseUrl() + "/v1/events?page=1&size=10"), 410,
          "cursor_expired");
      assertThat(TestHttp.get(api.baseUrl() + "/v1/events?since=2026-01-05T00:00:04Z")
          .statusCode()).isEqualTo(200);
    }
  }

  @Test
  void statsReportTheRetainedRange() {
    try (DemoClickstreamApi api = start()) {
      JsonNode stats = TestHttp.json(TestHttp.get(api.baseUrl() + "/v1/stats"));
      assertThat(stats.get("head_seq").asLong()).isEqualTo(5_000);
      assertThat(stats.get("oldest_seq").asLong()).isEqualTo(4_000);
      assertThat(stats.get("retained").asLong()).isEqualTo(1_000);
      assertThat(stats.get("requests").asLong()).isEqualTo(1);
      assertThat(stats.get("faults_by_type").has("server_error")).isTrue();
    }
  }
}
