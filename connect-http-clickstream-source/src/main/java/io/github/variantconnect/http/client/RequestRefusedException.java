package io.github.variantconnect.http.client;

import java.io.IOException;

/** A request the connector refuses to send: a host outside the allowlist or a cross-host redirect. */
public final class RequestRefusedException extends IOException {

  public RequestRefusedException(String message) {
    super(message);
  }
}
