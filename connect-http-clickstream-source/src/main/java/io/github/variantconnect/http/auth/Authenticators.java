package io.github.variantconnect.http.auth;

import io.github.variantconnect.http.config.ApiKeyLocation;
import io.github.variantconnect.http.config.AuthSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** Builds the {@link Authenticator} an {@link AuthSettings} asks for. */
public final class Authenticators {

  private Authenticators() {}

  public static Authenticator of(AuthSettings auth, HttpClient http, Duration requestTimeout) {
    return switch (auth.type()) {
      case NONE -> Authenticator.none();
      case BASIC -> StaticHeaderAuth.basic(auth.username(), auth.password().value());
      case BEARER -> StaticHeaderAuth.bearer(auth.bearerToken().value());
      case API_KEY -> auth.apiKeyLocation() == ApiKeyLocation.HEADER
          ? StaticHeaderAuth.apiKey(auth.apiKeyName(), auth.apiKey().value())
          : new QueryApiKeyAuth(auth.apiKeyName(), auth.apiKey().value());
      case OAUTH2 -> new OAuth2ClientCredentials(
          new TokenEndpoint(http, auth.tokenUrl(), auth.clientId(), auth.clientSecret(), auth.scope(),
              auth.clientAuth(), requestTimeout, auth.refreshBefore(), Clock.systemUTC()),
          Clock.systemUTC());
    };
  }
}
