package io.github.variantconnect.http.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A fully read response; the body is bounded by {@code http.max.response.bytes}. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body, URI uri) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The start of the body as text, for error messages; never the whole of a large body. */
  public String bodyExcerpt(int maxChars) {
    int length = Math.min(body.length, maxChars * 4);
    String text = new String(body, 0, length, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
    return text.length() > maxChars ? text.substring(0, maxChars) + "..." : text;
  }
}
