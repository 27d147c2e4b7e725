package io.github.variantconnect.http.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;

/** Adds credentials to requests. Implementations never log or expose the secrets they hold. */
public interface Authenticator {

  /** The URL with credentials added; only query-parameter API keys change it. */
  default URI decorate(URI uri) {
    return uri;
  }

  /** Adds credential headers, fetching a token first when the current one is missing or expiring. */
  default void apply(HttpRequest.Builder request) throws IOException, InterruptedException {}

  /** After a 401: forgets cached credentials; true when asking again with fresh ones can help. */
  default boolean renewAfterUnauthorized() {
    return false;
  }

  /** Names of query parameters that carry secrets, to be masked in logs and left out of offsets. */
  default Set<String> secretQueryParams() {
    return Set.of();
  }

  static Authenticator none() {
    return new Authenticator() {};
  }
}
