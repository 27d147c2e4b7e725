package io.github.variantconnect.http.client;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Why a page could not be read, in the terms the retry decision and the error message need: the
 * status (0 when there was none), a short metric label, and a detail such as a body excerpt.
 */
public record Failure(Kind kind, int status, String detail, Duration retryAfter) {

  /** Kinds of failure; {@link #label()} names them in metrics. */
  public enum Kind {
    STATUS,
    IO,
    TIMEOUT,
    BAD_BODY,
    TOO_LARGE,
    /** A compressed body expanding past the limit: the same request expands the same way. */
    DECODED_TOO_LARGE,
    REFUSED
  }

  private static final int EXCERPT_CHARS = 300;

  public static Failure of(ApiResponse response) {
    return new Failure(Kind.STATUS, response.status(), response.bodyExcerpt(EXCERPT_CHARS),
        RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
  }

  public static Failure of(Exception e) {
    if (e instanceof HttpStatusException status) {
      return new Failure(Kind.STATUS, status.status(), e.getMessage(), null);
    }
    if (e instanceof HttpTimeoutException) {
      return new Failure(Kind.TIMEOUT, 0, e.getMessage(), null);
    }
    if (e instanceof DecodedTooLargeException) {
      return new Failure(Kind.DECODED_TOO_LARGE, 0, e.getMessage(), null);
    }
    if (e instanceof ResponseTooLargeException) {
      return new Failure(Kind.TOO_LARGE, 0, e.getMessage(), null);
    }
    if (e instanceof RequestRefusedException) {
      return new Failure(Kind.REFUSED, 0, e.getMessage(), null);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new Failure(Kind.IO, 0, message, null);
  }

  public static Failure badBody(String why, ApiResponse response) {
    return new Failure(Kind.BAD_BODY, response.status(), why + "; body starts: " + response.bodyExcerpt(EXCERPT_CHARS), null);
  }

  /** A short label for the failures-by-status metric: the status code, or the kind. */
  public String label() {
    return kind == Kind.STATUS ? Integer.toString(status) : kind.name().toLowerCase(Locale.ROOT);
  }

  /** The message a user reads: status or kind, then the detail. */
  public String describe() {
    String head = kind == Kind.STATUS ? "status " + status : label().replace('_', ' ');
    return detail == null || detail.isEmpty() ? head : head + ": " + detail;
  }
}
