package io.github.variantconnect.http.client;

import java.io.IOException;

/**
 * A compressed body that expands past {@code http.max.response.bytes}: a compression bomb or a page
 * far too large. The same request would expand the same way, so it is not retried.
 */
public final class DecodedTooLargeException extends IOException {

  public DecodedTooLargeException(long limit, int compressedBytes) {
    super("compressed response of " + compressedBytes + " bytes expands past http.max.response.bytes (" + limit
        + " bytes decoded); refused as a possible compression bomb; lower pagination.limit or raise the limit");
  }
}
