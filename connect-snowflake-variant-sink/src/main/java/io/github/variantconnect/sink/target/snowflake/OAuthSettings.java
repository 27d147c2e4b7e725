package io.github.variantconnect.sink.target.snowflake;

/** OAuth with a refresh token, from snowflake.oauth.*; secrets never printed. */
public record OAuthSettings(String clientId, String clientSecret, String refreshToken, String tokenEndpoint) {
  @Override
  public String toString() {
    return "OAuth[clientId=" + clientId + ", tokenEndpoint=" + tokenEndpoint + "]";
  }
}
