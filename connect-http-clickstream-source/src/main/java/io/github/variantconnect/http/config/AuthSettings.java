package io.github.variantconnect.http.config;

import java.net.URI;
import java.time.Duration;
import org.apache.kafka.common.config.types.Password;

/** Credentials and how to present them; fields of other auth types are empty. */
public record AuthSettings(
    AuthType type,
    String username,
    Password password,
    Password bearerToken,
    Password apiKey,
    String apiKeyName,
    ApiKeyLocation apiKeyLocation,
    URI tokenUrl,
    String clientId,
    Password clientSecret,
    String scope,
    OAuth2ClientAuth clientAuth,
    Duration refreshBefore) {

  @Override
  public String toString() {
    // Records print every field; secrets must never reach a log line.
    return "AuthSettings[type=" + type + "]";
  }
}
