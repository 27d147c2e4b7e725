package io.github.variantconnect.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.http.client.HttpStatusException;
import io.github.variantconnect.http.config.OAuth2ClientAuth;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.common.config.types.Password;

/** The OAuth2 client-credentials grant (RFC 6749 section 4.4) against a token endpoint. */
final class TokenEndpoint implements TokenSource {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DEFAULT_TTL_SECONDS = 3600;

  private final HttpClient http;
  private final URI url;
  private final String clientId;
  private final Password clientSecret;
  private final String scope;
  private final OAuth2ClientAuth clientAuth;
  private final Duration timeout;
  private final Duration refreshBefore;
  private final Clock clock;

  TokenEndpoint(HttpClient http, URI url, String clientId, Password clientSecret, String scope,
      OAuth2ClientAuth clientAuth, Duration timeout, Duration refreshBefore, Clock clock) {
    this.http = http;
    this.url = url;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scope = scope;
    this.clientAuth = clientAuth;
    this.timeout = timeout;
    this.refreshBefore = refreshBefore;
    this.clock = clock;
  }

  @Override
  public AccessToken fetch() throws IOException, InterruptedException {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    if (!scope.isEmpty()) {
      form.append("&scope=").append(encode(scope));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json");
    if (clientAuth == OAuth2ClientAuth.BASIC) {
      String pair = encode(clientId) + ":" + encode(clientSecret.value());
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      form.append("&client_id=").append(encode(clientId)).append("&client_secret=").append(encode(clientSecret.value()));
    }
    request.POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    Instant requested = clock.instant();
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new HttpStatusException("token endpoint " + url, response.statusCode(), excerpt(response.body()));
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException("token endpoint " + url + " answered a body that is not JSON");
    }
    String token = body.path("access_token").asText("");
    if (token.isEmpty()) {
      throw new IOException("token endpoint " + url + " answered without access_token");
    }
    long ttl = body.path("expires_in").asLong(DEFAULT_TTL_SECONDS);
    Duration lifetime = Duration.ofSeconds(ttl > 0 ? ttl : DEFAULT_TTL_SECONDS);
    // A margin longer than a short-lived token would renew it on every request; cap it at half the lifetime.
    Duration margin = refreshBefore.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : refreshBefore;
    Instant expires = requested.plus(lifetime);
    return new AccessToken(token, expires, expires.minus(margin));
  }

  private static String excerpt(String body) {
    String text = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
