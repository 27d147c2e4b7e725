package io.github.variantconnect.http.auth;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;

/**
 * A bearer token from the client-credentials grant, renewed before it expires and after a 401;
 * shared by the threads that fetch pages ahead.
 */
final class OAuth2ClientCredentials implements Authenticator {

  private final TokenSource tokens;
  private final Clock clock;
  private AccessToken token;

  OAuth2ClientCredentials(TokenSource tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public synchronized void apply(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (token == null || !clock.instant().isBefore(token.renewAt())) {
      token = tokens.fetch();
    }
    request.setHeader("Authorization", "Bearer " + token.value());
  }

  @Override
  public synchronized boolean renewAfterUnauthorized() {
    token = null;
    return true;
  }

  @Override
  public String toString() {
    return "OAuth2ClientCredentials[" + token + "]";
  }
}
