package io.github.variantconnect.demoapi;

import static io.github.variantconnect.demoapi.CursorPaginationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OAuthTokenTest {
  private static final String FORM = "application/x-www-form-urlencoded";

  private final MutableClock clock = new MutableClock(TestHttp.START);

  private DemoClickstreamApi start() {
    return DemoClickstreamApi.start(DemoApiConfig.builder().clock(clock).auth(AuthMode.OAUTH2)
        .clientId("cid").clientSecret("csecret").tokenTtl(Duration.ofSeconds(60))
        .initialEvents(10).build());
  }

  static String fetchToken(DemoClickstreamApi api, String clientId, String secret) {
    HttpResponse<String> response = TestHttp.post(api.baseUrl() + "/oauth/token",
        "grant_type=client_credentials", "Content-Type", FORM,
        "Authorization", AuthModesTest.basic(clientId, secret));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestHttp.json(response).get("access_token").asText();
  }

  @Test
  void issuesBearerTokensToClientsAuthenticatedByBasicOrFormFields() {
    try (DemoClickstreamApi api = start()) {
      HttpResponse<String> viaBasic = TestHttp.post(api.baseUrl() + "/oauth/token",
          "grant_type=client_credentials", "Content-Type", FORM,
          "Authorization", AuthModesTest.basic("cid", "csecret"));
      JsonNode token = TestHttp.json(viaBasic);
      assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
      assertThat(token.get("expires_in").asLong()).isEqualTo(60);
      assertThat(token.get("access_token").asText()).isNotBlank();
      assertThat(viaBasic.headers().firstValue("Cache-Control")).hasValue("no-store");
      HttpResponse<String> viaForm = TestHttp.post(api.baseUrl() + "/oauth/token",
          "grant_type=client_credentials&client_id=cid&client_secret=csecret",
          "Content-Type", FORM);
      assertThat(viaForm.statusCode()).isEqualTo(200);
      assertThat(TestHttp.json(viaForm).get("access_token").asText())
          .isNotEqualTo(token.get("access_token").asText());
    }
  }

  @Test
  void rejectsWrongClientsAndGrants() {
    try (DemoClickstreamApi api = start()) {
      String url = api.baseUrl() + "/oauth/token";
      assertError(TestHttp.post(url, "grant_type=client_credentials", "Content-Type", FORM,
          "Authorization", AuthModesTest.basic("cid", "wrong")), 401, "invalid_client");
      assertError(TestHttp.post(url,
          "grant_type=client_credentials&client_id=cid&client_secret=wrong",
          "Content-Type", FORM), 401, "invalid_client");
      assertError(TestHttp.post(url, "grant_type=password&username=a&password=b",
          "Content-Type", FORM), 400, "unsupported_grant_type");
      assertError(TestHttp.post(url, "", "Content-Type", FORM), 400, "invalid_request");
      assertError(TestHttp.get(url), 405, "method_not_allowed");
    }
  }

  @Test
  void anExpiredTokenGets401WithAChallengeAndANewTokenWorks() {
    try (DemoClickstreamApi api = start()) {
      String token = fetchToken(api, "cid", "csecret");
      String events = api.baseUrl() + "/v1/events?limit=1";
      assertThat(TestHttp.get(events, "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(200);
      clock.advance(Duration.ofSeconds(59));
      assertThat(TestHttp.get(events, "Authorization", "Bearer " + token).statusCode())
          .isEqualTo(200);
      clock.advance(Duration.ofSeconds(1));
      HttpResponse<String> expired = TestHttp.get(events, "Authorization", "Bearer " + token);
      assertError(expired, 401, "invalid_token");
      assertThat(expired.headers().firstValue("WWW-Authenticate")).get().asString()
          .contains("error=\"invalid_token\"").contains("expired");
      String fresh = fetchToken(api, "cid", "csecret");
      assertThat(TestHttp.get(events, "Authorization", "Bearer " + fresh).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void theTokenEndpointExistsOnlyInOauth2Mode() {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder().build())) {
      assertError(TestHttp.post(api.baseUrl() + "/oauth/token", "grant_type=client_credentials",
          "Content-Type", FORM), 404, "not_found");
    }
  }
}
