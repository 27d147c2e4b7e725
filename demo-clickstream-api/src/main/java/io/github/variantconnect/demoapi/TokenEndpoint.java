package io.github.variantconnect.demoapi;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /oauth/token}, the OAuth2 client-credentials grant (RFC 6749 §4.4). The client
 * authenticates with HTTP Basic or with {@code client_id}/{@code client_secret} form fields.
 */
final class TokenEndpoint {
  private final DemoApiConfig config;
  private final OAuthTokens tokens;

  TokenEndpoint(DemoApiConfig config, OAuthTokens tokens) {
    this.config = config;
    this.tokens = tokens;
  }

  void handle(HttpExchange exchange, ApiRequest request) throws IOException {
    Map<String, String> form =
        QueryStrings.parse(new String(request.body(), StandardCharsets.UTF_8));
    String grantType = form.get("grant_type");
    if (grantType == null) {
      throw new ApiException(400, "invalid_request", "grant_type is required");
    }
    if (!grantType.equals("client_credentials")) {
      throw new ApiException(400, "unsupported_grant_type",
          "only grant_type=client_credentials is supported");
    }
    authenticateClient(request, form);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", tokens.issue());
    body.put("token_type", "Bearer");
    body.put("expires_in", tokens.ttl().toSeconds());
    Responses.json(exchange, 200, JsonBodies.object(body),
        Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
  }

  private void authenticateClient(ApiRequest request, Map<String, String> form) {
    Secrets.BasicCredentials basic = Secrets.basic(request.header("Authorization"));
    String id = basic != null ? basic.user() : form.get("client_id");
    String secret = basic != null ? basic.password() : form.get("client_secret");
    boolean ok = Secrets.matches(id, config.clientId())
        & Secrets.matches(secret, config.clientSecret());
    if (!ok) {
      throw ApiException.unauthorized("invalid_client", "unknown client or wrong client secret",
          "Basic realm=\"" + RequestAuthenticator.REALM + "\"");
    }
  }
}
