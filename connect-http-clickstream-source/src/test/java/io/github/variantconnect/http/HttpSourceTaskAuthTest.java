package io.github.variantconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.http.FakeApi.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each auth type puts its credentials where the API expects them, and never anywhere else. */
class HttpSourceTaskAuthTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final TaskHarness harness = new TaskHarness();
  private final FakeFeed feed = new FakeFeed(25);
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
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  private static Reply unauthorized() {
    return Reply.status(401, "{\"error\":\"unauthorized\"}");
  }

  @Test
  void basic() throws Exception {
    String expected = "Basic " + Base64.getEncoder().encodeToString("kc:pa:ss".getBytes(StandardCharsets.UTF_8));
    api = FakeApi.start(r -> expected.equals(r.header("Authorization")) ? feed.apply(r) : unauthorized());
    harness.start(config("auth.type", "basic", "auth.basic.username", "kc", "auth.basic.password", "pa:ss"));

    assertThat(harness.pollUntil(25, TIMEOUT)).hasSize(25);
  }

  @Test
  void bearer() throws Exception {
    api = FakeApi.start(r -> "Bearer t0k".equals(r.header("Authorization")) ? feed.apply(r) : unauthorized());
    harness.start(config("auth.type", "bearer", "auth.bearer.token", "t0k"));

    assertThat(harness.pollUntil(25, TIMEOUT)).hasSize(25);
  }

  @Test
  void apiKeyHeader() throws Exception {
    api = FakeApi.start(r -> "k3y".equals(r.header("X-API-Key")) ? feed.apply(r) : unauthorized());
    harness.start(config("auth.type", "api_key", "auth.api.key", "k3y"));

    assertThat(harness.pollUntil(25, TIMEOUT)).hasSize(25);
  }

  @Test
  void apiKeyQueryIsSentButNeitherStoredInOffsetsNorShownInErrors() throws Exception {
    // The next links echo the key back, as careless APIs do.
    api = FakeApi.start(r -> {
      if (!"k3y".equals(r.query().get("api_key"))) {
        return unauthorized();
      }
      if ("boom".equals(r.query().get("cursor"))) {
        return Reply.status(400, "{}");
      }
      String body = new String(feed.apply(r).body(), StandardCharsets.UTF_8)
          .replace("\"next_url\":\"/events?", "\"next_url\":\"/events?api_key=k3y&");
      return Reply.json(body);
    });
    harness.start(config("auth.type", "api_key", "auth.api.key", "k3y", "auth.api.key.location", "query",
        "auth.api.key.name", "api_key", "pagination.mode", "next_link"));

    assertThat(harness.pollUntil(25, TIMEOUT)).hasSize(25);
    assertThat(harness.committed().toString()).doesNotContain("k3y").contains("cursor=");

    harness.committed().clear();
    harness.start(config("auth.type", "api_key", "auth.api.key", "k3y", "auth.api.key.location", "query",
        "auth.api.key.name", "api_key", "pagination.cursor.initial", "boom"));
    ConnectException failure = null;
    try {
      harness.pollFor(Duration.ofSeconds(2));
    } catch (ConnectException e) {
      failure = e;
    }
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("status 400").doesNotContain("k3y");
  }

  @Test
  void oauth2RenewsTheTokenBeforeItExpiresAndAfterA401() throws Exception {
    Set<String> valid = ConcurrentHashMap.newKeySet();
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger served = new AtomicInteger();
    api = FakeApi.start(r -> {
      if (r.uri().getPath().equals("/oauth/token")) {
        String client = "Basic " + Base64.getEncoder().encodeToString("kc:s3cret".getBytes(StandardCharsets.UTF_8));
        if (!client.equals(r.header("Authorization")) || !r.body().contains("grant_type=client_credentials")) {
          return Reply.status(401, "{\"error\":\"invalid_client\"}");
        }
        String token = "tok" + issued.incrementAndGet();
        valid.add(token);
        return Reply.json("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":2}");
      }
      String presented = r.header("Authorization");
      if (presented == null || !valid.contains(presented.substring("Bearer ".length()))) {
        return unauthorized();
      }
      if (served.incrementAndGet() == 2) {
        valid.clear(); // the server forgets its tokens: the next request gets a 401
      }
      return feed.apply(r);
    });
    harness.start(config("auth.type", "oauth2", "auth.oauth2.token.url", api.url("/oauth/token"),
        "auth.oauth2.client.id", "kc", "auth.oauth2.client.secret", "s3cret"));

    assertThat(harness.pollUntil(25, TIMEOUT)).hasSize(25);
    assertThat(issued.get()).as("a fresh token after the 401").isEqualTo(2);

    // A 2 s token is renewed after half its life, before it expires.
    harness.pollFor(Duration.ofMillis(1300));
    assertThat(issued.get()).isEqualTo(3);
    List<FakeApi.Request> unauthorizedTokenUse = api.requests().stream()
        .filter(r -> r.uri().getPath().equals("/events") && r.header("Authorization") == null).toList();
    assertThat(unauthorizedTokenUse).isEmpty();
  }

  @Test
  void oauth2BodyClientAuthentication() throws Exception {
    api = FakeApi.start(r -> {
      if (r.uri().getPath().equals("/oauth/token")) {
        return r.body().contains("client_id=kc") && r.body().contains("client_secret=s3%26cret")
            ? Reply.json("{\"access_token\":\"tok\",\"expires_in\":3600}") : Reply.status(401, "{}");
      }
      return "Bearer tok".equals(r.header("Authorization")) ? feed.apply(r) : unauthorized();
    });
    harness.start(config("auth.type", "oauth2", "auth.oauth2.token.url", api.url("/oauth/token"),
        "auth.oauth2.client.id", "kc", "auth.oauth2.client.secret", "s3&cret", "auth.oauth2.client.auth", "body"));

    assertThat(harness.pollUntil(25, TIMEOUT)).hasSize(25);
  }
}
