package io.github.variantconnect.http.client;

import java.io.IOException;

/** A response body over {@code http.max.response.bytes}; retrying would not make it smaller. */
public final class ResponseTooLargeException extends IOException {

  public ResponseTooLargeException(long limit) {
    super("response body exceeds http.max.response.bytes (" + limit + " bytes); lower pagination.limit or raise the limit");
  }
}
