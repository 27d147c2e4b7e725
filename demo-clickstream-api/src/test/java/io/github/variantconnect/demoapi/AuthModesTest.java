package io.github.variantconnect.demoapi;

import static io.github.variantconnect.demoapi.CursorPaginationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthModesTest {
  private static final String EVENTS = "/v1/events?limit=5";

  private static DemoClickstreamApi start(AuthMode mode, DemoApiConfig.Builder config) {
    return DemoClickstreamApi.start(config.auth(mode).start(TestHttp.START)
        .initialEvents(20).maxEvents(20).build());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void noneNeedsNoCredentials() {
    try (DemoClickstreamApi api = start(AuthMode.NONE, DemoApiConfig.builder())) {
      assertThat(TestHttp.get(api.baseUrl() + EVENTS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void basicAcceptsTheRightUserAndPasswordOnly() {
    try (DemoClickstreamApi api = start(AuthMode.BASIC,
        DemoApiConfig.builder().username("demo").password("demo-secret"))) {
      String url = api.baseUrl() + EVENTS;
      assertThat(TestHttp.get(url, "Authorization", basic("demo", "demo-secret")).statusCode())
          .isEqualTo(200);
      HttpResponse<String> wrong = TestHttp.get(url, "Authorization", basic("demo", "guess"));
      assertError(wrong, 401, "unauthorized");
      assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString()
          .startsWith("Basic realm=");
      assertError(TestHttp.get(url, "Authorization", basic("root", "demo-secret")), 401,
          "unauthorized");
      assertError(TestHttp.get(url), 401, "unauthorized");
    }
  }

  @Test
  void bearerAcceptsTheStaticTokenOnly() {
    try (DemoClickstreamApi api = start(AuthMode.BEARER,
        DemoApiConfig.builder().bearerToken("t0ken"))) {
      String url = api.baseUrl() + EVENTS;
      assertThat(TestHttp.get(url, "Authorization", "Bearer t0ken").statusCode()).isEqualTo(200);
      HttpResponse<String> wrong = TestHttp.get(url, "Authorization", "Bearer t0ken2");
      assertError(wrong, 401, "invalid_token");
      assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString()
          .contains("error=\"invalid_token\"");
      assertThat(wrong.body()).doesNotContain("t0ken");
      HttpResponse<String> missing = TestHttp.get(url);
      assertError(missing, 401, "unauthorized");
      assertThat(missing.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"demo-clickstream-api\"");
    }
  }

  @Test
  void apiKeyInAHeaderWithAConfigurableName() {
    try (DemoClickstreamApi api = start(AuthMode.API_KEY_HEADER,
        DemoApiConfig.builder().apiKey("k-123").apiKeyName("X-Demo-Key"))) {
      String url = api.baseUrl() + EVENTS;
      assertThat(TestHttp.get(url, "X-Demo-Key", "k-123").statusCode()).isEqualTo(200);
      assertError(TestHttp.get(url, "X-Demo-Key", "k-124"), 401, "unauthorized");
      assertError(TestHttp.get(url, "X-API-Key", "k-123"), 401, "unauthorized");
      assertError(TestHttp.get(url + "&X-Demo-Key=k-123"), 401, "unauthorized");
    }
  }

  @Test
  void apiKeyInTheQueryDefaultsToApiKeyParameter() {
    try (DemoClickstreamApi api = start(AuthMode.API_KEY_QUERY,
        DemoApiConfig.builder().apiKey("k-123"))) {
      String url = api.baseUrl() + EVENTS;
      assertThat(TestHttp.get(url + "&api_key=k-123").statusCode()).isEqualTo(200);
      assertError(TestHttp.get(url + "&api_key=nope"), 401, "unauthorized");
      assertError(TestHttp.get(url, "X-API-Key", "k-123"), 401, "unauthorized");
      String nextUrl = TestHttp.json(TestHttp.get(url + "&api_key=k-123")).get("next_url").asText();
      assertThat(nextUrl).as("links never carry credentials").doesNotContain("k-123");
    }
  }

  @Test
  void oauth2AcceptsIssuedTokensOnly() {
    try (DemoClickstreamApi api = start(AuthMode.OAUTH2, DemoApiConfig.builder())) {
      String token = OAuthTokenTest.fetchToken(api, "demo-client", "demo-client-secret");
      String url = api.baseUrl() + EVENTS;
      assertThat(TestHttp.get(url, "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(200);
      assertError(TestHttp.get(url, "Authorization", "Bearer made-up"), 401, "invalid_token");
      assertError(TestHttp.get(url), 401, "unauthorized");
    }
  }

  @Test
  void everyModeProtectsPostQueryAndStatsButNotHealth() {
    try (DemoClickstreamApi api = start(AuthMode.BASIC, DemoApiConfig.builder())) {
      assertError(TestHttp.post(api.baseUrl() + "/v1/events/query", "{}"), 401, "unauthorized");
      assertError(TestHttp.get(api.baseUrl() + "/v1/stats"), 401, "unauthorized");
      HttpResponse<String> health = TestHttp.get(api.baseUrl() + "/healthz");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
      HttpRequest.Builder query = HttpRequest.newBuilder(URI.create(api.baseUrl()
          + "/v1/events/query")).POST(HttpRequest.BodyPublishers.ofString("{\"limit\":2}"));
      HttpResponse<String> ok = TestHttp.send(query, "Authorization",
          basic("demo", "demo-secret"));
      assertThat(TestHttp.json(ok).get("data")).hasSize(2);
    }
  }
}
