package io.github.variantconnect.demoapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveFeedTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.400Z"));

  private DemoClickstreamApi start(DemoApiConfig.Builder config) {
    return DemoClickstreamApi.start(config.clock(clock).build());
  }

  @Test
  void initialEventsExistAtStartAndNewOnesAppearWithTime() {
    try (DemoClickstreamApi api = start(DemoApiConfig.builder()
        .eventsPerSecond(200).initialEvents(5_000).maxEvents(6_000))) {
      assertThat(api.headSeq()).isEqualTo(5_000);
      clock.advance(Duration.ofMillis(500));
      assertThat(api.headSeq()).isEqualTo(5_100);
      clock.advance(Duration.ofSeconds(60));
      assertThat(api.headSeq()).isEqualTo(6_000);
      assertThat(api.isComplete()).isTrue();
    }
  }

  @Test
  void byDefaultTheBacklogLiesInThePastAndLiveEventsCarryTheWallClockTime() {
    try (DemoClickstreamApi api = start(DemoApiConfig.builder()
        .eventsPerSecond(100).initialEvents(1_000))) {
      assertThat(api.eventTimeStart()).isEqualTo(Instant.parse("2026-03-01T09:59:50Z"));
      assertThat(api.events(1_000, 1_001).get(0).eventTime())
          .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
      assertThat(api.events(999, 1_000).get(0).eventTime()).isBefore(clock.instant());
    }
  }

  @Test
  void onlyTheWindowIsRetained() {
    try (DemoClickstreamApi api = start(DemoApiConfig.builder()
        .eventsPerSecond(1_000).initialEvents(20_000).window(1_000))) {
      assertThat(api.oldestRetainedSeq()).isEqualTo(19_000);
      clock.advance(Duration.ofSeconds(5));
      assertThat(api.headSeq()).isEqualTo(25_000);
      assertThat(api.oldestRetainedSeq()).isEqualTo(24_000);
      assertThat(api.stats()).containsEntry("retained", 1_000L).containsEntry("window", 1_000);
    }
  }

  @Test
  void eventsOutsideTheWindowAreRegeneratedFromTheSeed() {
    DemoApiConfig.Builder config = TestHttp.staticFeed(3_000).window(500);
    try (DemoClickstreamApi small = start(config);
        DemoClickstreamApi large = start(config.window(100_000))) {
      assertThat(small.events(0, 3_000)).isEqualTo(large.events(0, 3_000));
      assertThat(small.events(2_600, 2_700)).isEqualTo(large.events(2_600, 2_700));
    }
  }

  @Test
  void awaitPublishedBlocksUntilTheEventsExist() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder()
        .eventsPerSecond(2_000).initialEvents(0).maxEvents(400).build())) {
      api.awaitPublished(400, Duration.ofSeconds(10));
      assertThat(api.headSeq()).isEqualTo(400);
      assertThatThrownBy(() -> api.awaitPublished(401, Duration.ofSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEvents=400");
    }
  }

  @Test
  void awaitPublishedGivesUpAfterTheTimeout() {
    try (DemoClickstreamApi api = start(DemoApiConfig.builder().initialEvents(10))) {
      assertThatThrownBy(() -> api.awaitPublished(11, Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("only 10 of 11");
    }
  }
}
