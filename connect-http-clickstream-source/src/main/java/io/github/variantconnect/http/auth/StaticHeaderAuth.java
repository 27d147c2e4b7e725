package io.github.variantconnect.http.auth;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A fixed credential header: basic, bearer, or an API key in a header. */
final class StaticHeaderAuth implements Authenticator {

  private final String header;
  private final String value;

  private StaticHeaderAuth(String header, String value) {
    this.header = header;
    this.value = value;
  }

  static StaticHeaderAuth basic(String username, String password) {
    String pair = username + ":" + password;
    return new StaticHeaderAuth("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  static StaticHeaderAuth bearer(String token) {
    return new StaticHeaderAuth("Authorization", "Bearer " + token);
  }

  static StaticHeaderAuth apiKey(String header, String key) {
    return new StaticHeaderAuth(header, key);
  }

  @Override
  public void apply(HttpRequest.Builder request) {
    request.setHeader(header, value);
  }

  @Override
  public String toString() {
    return "StaticHeaderAuth[" + header + "]";
  }
}
