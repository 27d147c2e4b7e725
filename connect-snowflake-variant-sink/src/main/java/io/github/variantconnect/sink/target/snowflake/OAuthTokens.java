package io.github.variantconnect.sink.target.snowflake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;

/**
 * Exchanges the configured refresh token for an access token at the OAuth token endpoint, as the
 * JDBC driver's {@code authenticator=OAUTH} needs one per login (RFC 6749 section 6: grant_type
 * refresh_token, client credentials in HTTP Basic; Snowflake's endpoint is
 * https://docs.snowflake.com/en/user-guide/oauth-custom#using-the-token-endpoint). The streaming
 * SDK refreshes tokens itself and gets the settings instead.
 */
public final class OAuthTokens {

  private static final JsonFactory JSON = new JsonFactory();
  private final OAuthSettings oauth;
  private final HttpClient http;

  public OAuthTokens(OAuthSettings oauth, ProxySettings proxy) {
    this.oauth = oauth;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (proxy != null) {
      builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.host(), proxy.port())));
    }
    this.http = builder.build();
  }

  /** A fresh access token; a refused exchange is an SQLException with SQLSTATE 28000, as a refused login. */
  public String accessToken() throws SQLException {
    String basic = Base64.getEncoder().encodeToString((oauth.clientId() + ":" + oauth.clientSecret())
        .getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(oauth.tokenEndpoint()))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
            + URLEncoder.encode(oauth.refreshToken(), StandardCharsets.UTF_8)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SQLException("OAuth token endpoint " + oauth.tokenEndpoint() + " not reachable: " + e, "08001", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted exchanging the OAuth refresh token", "08001", e);
    }
    if (response.statusCode() != 200) {
      // The body may echo the token; only the status is reported.
      throw new SQLException("OAuth token endpoint " + oauth.tokenEndpoint() + " refused the refresh token (HTTP "
          + response.statusCode() + "): check snowflake.oauth.client.id, snowflake.oauth.client.secret and"
          + " snowflake.oauth.refresh.token", response.statusCode() >= 500 ? "08001" : "28000");
    }
    String token = field(response.body(), "access_token");
    if (token == null || token.isEmpty()) {
      throw new SQLException("OAuth token endpoint " + oauth.tokenEndpoint() + " answered without access_token",
          "28000");
    }
    return token;
  }

  private static String field(String body, String name) throws SQLException {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (name.equals(field)) {
          return parser.getValueAsString();
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      throw new SQLException("OAuth token endpoint answered with something other than JSON", "28000", e);
    }
  }
}
