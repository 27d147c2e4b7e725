package io.github.variantconnect.demoapi;

/**
 * Checks the credentials of a request against the server's one auth mode. Failures are 401s
 * with a {@code WWW-Authenticate} challenge; nothing presented is ever echoed or logged.
 */
final class RequestAuthenticator {
  static final String REALM = "demo-clickstream-api";

  private final DemoApiConfig config;
  private final OAuthTokens tokens;

  RequestAuthenticator(DemoApiConfig config, OAuthTokens tokens) {
    this.config = config;
    this.tokens = tokens;
  }

  void authenticate(ApiRequest request) {
    switch (config.auth()) {
      case NONE -> { }
      case BASIC -> checkBasic(request);
      case BEARER -> checkStaticBearer(request);
      case API_KEY_HEADER -> checkApiKey(request.header(config.apiKeyName()), "header");
      case API_KEY_QUERY -> checkApiKey(request.param(config.apiKeyName()), "query parameter");
      case OAUTH2 -> checkOAuthToken(request);
    }
  }

  private void checkBasic(ApiRequest request) {
    Secrets.BasicCredentials credentials = Secrets.basic(request.header("Authorization"));
    boolean ok = credentials != null
        & Secrets.matches(credentials == null ? null : credentials.user(), config.username())
        & Secrets.matches(credentials == null ? null : credentials.password(), config.password());
    if (!ok) {
      throw ApiException.unauthorized("unauthorized", "valid HTTP Basic credentials are required",
          "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    }
  }

  private void checkStaticBearer(ApiRequest request) {
    String token = Secrets.bearerToken(request.header("Authorization"));
    if (!Secrets.matches(token, config.bearerToken())) {
      throw invalidBearer(token, "a valid Bearer token is required");
    }
  }

  private void checkApiKey(String presented, String where) {
    if (!Secrets.matches(presented, config.apiKey())) {
      throw ApiException.unauthorized("unauthorized",
          "a valid API key is required in the " + where + " '" + config.apiKeyName() + "'",
          "ApiKey realm=\"" + REALM + "\"");
    }
  }

  private void checkOAuthToken(ApiRequest request) {
    String token = Secrets.bearerToken(request.header("Authorization"));
    switch (tokens.check(token)) {
      case VALID -> { }
      case EXPIRED -> throw ApiException.unauthorized("invalid_token",
          "the access token expired; fetch a new one from /oauth/token",
          "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", "
              + "error_description=\"The access token expired\"");
      default -> throw invalidBearer(token,
          "a valid access token from POST /oauth/token is required");
    }
  }

  /** RFC 6750: a request without a token gets a bare challenge, a bad token an error code. */
  private static ApiException invalidBearer(String token, String message) {
    if (token == null) {
      return ApiException.unauthorized("unauthorized", message, "Bearer realm=\"" + REALM + "\"");
    }
    return ApiException.unauthorized("invalid_token", message,
        "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
  }
}
