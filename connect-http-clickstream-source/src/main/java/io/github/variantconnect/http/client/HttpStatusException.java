package io.github.variantconnect.http.client;

import java.io.IOException;

/** An error status from a request made on the way to a page, such as a token request. */
public final class HttpStatusException extends IOException {

  private final int status;

  public HttpStatusException(String what, int status, String bodyExcerpt) {
    super(what + " answered " + status + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt));
    this.status = status;
  }

  public int status() {
    return status;
  }
}
