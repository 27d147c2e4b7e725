package io.github.variantconnect.http.auth;

import java.time.Instant;

/** An OAuth2 access token and the moment it stops working. */
record AccessToken(String value, Instant expiresAt, Instant renewAt) {

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
