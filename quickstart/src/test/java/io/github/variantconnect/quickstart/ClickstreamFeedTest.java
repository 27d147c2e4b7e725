package io.github.variantconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickstreamFeedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path temp;

  @Test
  void aRestartedFeedServesTheSameEventsAndContinuesAtTheCurrentTime() throws Exception {
    Path state = temp.resolve("clickstream-feed.properties");
    JsonNode before;
    long published;
    Instant firstRun = Instant.parse("2026-01-05T08:00:00Z");
    try (ClickstreamFeed first = ClickstreamFeed.start(state, 0, Clock.fixed(firstRun, ZoneOffset.UTC))) {
      before = page(first, 990, 3);
      published = first.published();
    }
    Properties saved = new Properties();
    saved.load(new StringReader(Files.readString(state)));
    assertThat(Long.parseLong(saved.getProperty("published"))).isGreaterThanOrEqualTo(published);

    Instant restart = firstRun.plus(Duration.ofDays(1));
    try (ClickstreamFeed second = ClickstreamFeed.start(state, 0, Clock.fixed(restart, ZoneOffset.UTC))) {
      assertThat(second.published()).isGreaterThanOrEqualTo(published);
      JsonNode again = page(second, 990, 3);
      for (int i = 0; i < 3; i++) {
        assertThat(again.get(i).path("event_id")).isEqualTo(before.get(i).path("event_id"));
        assertThat(again.get(i).path("session_id")).isEqualTo(before.get(i).path("session_id"));
        assertThat(again.get(i).path("user_id")).isEqualTo(before.get(i).path("user_id"));
      }
      // A day later on the feed's clock, the last event published before the stop is timed just
      // before the restart, not a day ago.
      Instant last = Instant.parse(page(second, published - 1, 1).get(0).path("event_time").asText());
      assertThat(last).isBetween(restart.minusSeconds(1), restart);
    }
  }

  @Test
  void aStateFileOfAnotherFeedIsRefused() throws Exception {
    Path state = temp.resolve("clickstream-feed.properties");
    Files.writeString(state, "seed=7\npublished=5000\n");

    assertThatThrownBy(() -> ClickstreamFeed.start(state, 0, Clock.systemUTC()))
        .hasMessageContaining("--reset");
  }

  private static JsonNode page(ClickstreamFeed feed, long offset, int limit) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create(feed.baseUrl() + "/v1/events?offset=" + offset + "&limit=" + limit)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode data = JSON.readTree(response.body()).path("data");
    assertThat(data.size()).isEqualTo(limit);
    return data;
  }
}
