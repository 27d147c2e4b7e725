package io.github.variantconnect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.http.FakeApi.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries, timeouts, size limits, redirects and what happens when the retry budget is spent. */
class HttpSourceTaskResilienceTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final TaskHarness harness = new TaskHarness();
  private FakeApi api;

  @AfterEach
  void stop() {
    harness.close();
    if (api != null) {
      api.close();
    }
  }

  private Map<String, String> config(String... keyValues) {
    Map<String, String> config = new HashMap<>();
    config.put("name", "test");
    config.put("http.url", api.url("/events"));
    config.put("pagination.limit", "10");
    config.put("poll.interval", "50ms");
    config.put("retry.backoff.initial", "10ms");
    config.put("retry.backoff.max", "50ms");
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  /** Polls until the task fails, returning the failure. */
  private ConnectException pollUntilFailure() throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        harness.pollFor(Duration.ofMillis(50));
      }
    } catch (ConnectException e) {
      return e;
    }
    throw new AssertionError("task did not fail within " + TIMEOUT);
  }

  @Test
  void retriesServerErrorsTooManyRequestsAndTruncatedBodies() throws Exception {
    FakeFeed feed = new FakeFeed(30).thenFail(
        Reply.status(503, "{\"error\":\"busy\"}").withHeader("Retry-After", "1"),
        Reply.status(500, "{}"),
        Reply.status(429, "{}"),
        Reply.json("{\"data\":[{\"event_id\":\"e0\""));
    api = FakeApi.start(feed);
    ManualNanoClock clock = new ManualNanoClock();
    harness.start(config(), clock);

    harness.pollOnce();
    assertThat(api.requests()).as("the first request, answered 503 with Retry-After: 1").hasSize(1);
    clock.advance(Duration.ofMillis(999));
    harness.pollOnce();
    assertThat(api.requests()).as("no retry before the second Retry-After asks for").hasSize(1);
    clock.advance(Duration.ofMillis(1));
    harness.pollOnce();
    assertThat(api.requests()).as("retried once that second has passed").hasSize(2);

    // The later backoffs are at most retry.backoff.max.
    List<SourceRecord> records = harness.pollUntil(30, TIMEOUT, () -> clock.advance(Duration.ofMillis(50)));
    assertThat(records).extracting(r -> ((Map<?, ?>) r.value()).get("event_id")).first().isEqualTo("e0");
    assertThat(records).hasSize(30);
  }

  @Test
  void slowRepliesTimeOutAndAreRetried() throws Exception {
    FakeFeed feed = new FakeFeed(20);
    AtomicInteger calls = new AtomicInteger();
    api = FakeApi.start(request -> {
      if (calls.incrementAndGet() == 1) {
        sleep(1500);
      }
      return feed.apply(request);
    });
    harness.start(config("http.request.timeout", "200ms"));

    assertThat(harness.pollUntil(20, TIMEOUT)).hasSize(20);
  }

  @Test
  void afterTheRetryBudgetTheTaskFailsNamingEndpointStatusAndBody() throws Exception {
    api = FakeApi.start(request -> Reply.status(503, "{\"error\":\"down for maintenance\"}"));
    harness.start(config("retry.max.retries", "2"));

    ConnectException failure = pollUntilFailure();
    assertThat(failure.getMessage())
        .contains("endpoint default")
        .contains("GET " + api.url("/events"))
        .contains("status 503")
        .contains("down for maintenance")
        .contains("2 retries");
    assertThat(api.requests()).hasSize(3);
  }

  @Test
  void statusesOutsideTheRetryListFailAtOnce() throws Exception {
    api = FakeApi.start(request -> Reply.status(404, "{\"error\":\"no such feed\"}"));
    harness.start(config());

    assertThat(pollUntilFailure().getMessage()).contains("status 404").contains("no such feed");
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void withErrorsToleranceAllTheTaskLogsAndAsksForTheSamePageAgain() throws Exception {
    FakeFeed feed = new FakeFeed(25).thenFail(Reply.status(404, "{}"), Reply.status(404, "{}"));
    api = FakeApi.start(feed);
    harness.start(config("errors.tolerance", "all"));

    assertThat(harness.pollUntil(25, TIMEOUT)).hasSize(25);
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedWithoutReadingItAll() throws Exception {
    String huge = "{\"data\":[],\"pad\":\"" + "x".repeat(200_000) + "\"}";
    api = FakeApi.start(request -> Reply.json(huge));
    harness.start(config("http.max.response.bytes", "65536", "retry.max.retries", "1"));

    assertThat(pollUntilFailure().getMessage()).contains("http.max.response.bytes");
  }

  @Test
  void redirectsOnTheSameHostAreFollowed() throws Exception {
    FakeFeed feed = new FakeFeed(15);
    api = FakeApi.start(request -> request.uri().getPath().equals("/events")
        ? new Reply(307, Map.of("Location", "/v2/events?" + request.uri().getRawQuery()), new byte[0])
        : feed.apply(request));
    harness.start(config("auth.type", "bearer", "auth.bearer.token", "tok"));

    assertThat(harness.pollUntil(15, TIMEOUT)).hasSize(15);
    assertThat(api.requests().get(1).uri().getPath()).isEqualTo("/v2/events");
    assertThat(api.requests().get(1).header("Authorization")).isEqualTo("Bearer tok");
  }

  @Test
  void redirectsToAnotherHostAreRefusedUnlessAllowedAndThenCarryNoCredentials() throws Exception {
    FakeFeed feed = new FakeFeed(15);
    api = FakeApi.start(request -> request.uri().getHost() == null && "127.0.0.1".equals(hostOf(request))
        ? new Reply(302, Map.of("Location", "http://localhost:" + api.port() + "/events?" + request.uri().getRawQuery()), new byte[0])
        : feed.apply(request));
    harness.start(config("auth.type", "bearer", "auth.bearer.token", "tok"));

    assertThat(pollUntilFailure().getMessage()).contains("another host").contains("http.redirects.other.hosts");

    harness.start(config("auth.type", "bearer", "auth.bearer.token", "tok", "http.redirects.other.hosts", "true"));
    assertThat(harness.pollUntil(15, TIMEOUT)).hasSize(15);
    FakeApi.Request followed = api.requests().stream().filter(r -> "localhost".equals(hostOf(r))).findFirst().orElseThrow();
    assertThat(followed.header("Authorization")).isNull();
  }

  @Test
  void hostsOutsideTheAllowlistAreNeverAsked() throws Exception {
    api = FakeApi.start(new FakeFeed(5));
    harness.start(config("http.allowed.hosts", "api.example.com", "retry.max.retries", "0"));

    assertThat(pollUntilFailure().getMessage()).contains("http.allowed.hosts");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void requestRateIsLimited() throws Exception {
    api = FakeApi.start(new FakeFeed(60));
    ManualNanoClock clock = new ManualNanoClock();
    harness.start(config("http.max.requests.per.second", "10"), clock);

    List<SourceRecord> records = new ArrayList<>(harness.pollOnce());
    records.addAll(harness.pollOnce());
    assertThat(api.requests()).as("one request while the clock stands still").hasSize(1);
    for (int tenth = 1; tenth <= 5; tenth++) {
      clock.advance(Duration.ofMillis(100));
      records.addAll(harness.pollOnce());
      records.addAll(harness.pollOnce());
      assertThat(api.requests()).as("requests after %s ms", tenth * 100).hasSize(1 + tenth);
    }
    assertThat(records).hasSize(60);
  }

  @Test
  void stopReleasesAPollWaitingOnTheApi() throws Exception {
    CountDownLatch reply = new CountDownLatch(1);
    api = FakeApi.start(request -> {
      // The API answers only when the test lets it: a poll that returns was released by stop().
      await(reply);
      return Reply.json("{\"data\":[]}");
    });
    HttpSourceTask task = harness.start(config());
    Thread stopper = new Thread(() -> {
      while (api.requests().isEmpty()) {
        sleep(10);
      }
      task.stop();
    });
    stopper.start();
    try {
      assertThat(task.poll()).as("records of a poll that stop() released").isNullOrEmpty();
      assertThat(reply.getCount()).as("the API had not answered yet").isEqualTo(1);
    } finally {
      reply.countDown();
      stopper.join();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String hostOf(FakeApi.Request request) {
    String host = request.header("Host");
    return host == null ? null : host.replaceFirst(":\\d+$", "");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void validConfigWithUnreachableHostRetriesThenFails() {
    api = FakeApi.start(new FakeFeed(1));
    int port = api.port();
    api.close();
    harness.start(config("http.url", "http://127.0.0.1:" + port + "/events", "retry.max.retries", "2"));

    assertThatThrownBy(() -> {
      for (int i = 0; i < 200; i++) {
        harness.pollFor(Duration.ofMillis(50));
      }
    }).isInstanceOf(ConnectException.class).hasMessageContaining("2 retries");
    api = null;
  }
}
