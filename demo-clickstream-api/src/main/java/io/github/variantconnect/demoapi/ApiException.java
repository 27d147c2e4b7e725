package io.github.variantconnect.demoapi;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error reply: status, a stable machine-readable code, a human message and extra headers. */
final class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final Map<String, String> headers;

  ApiException(int status, String error, String message) {
    this(status, error, message, Map.of());
  }

  ApiException(int status, String error, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.error = error;
    this.headers = new LinkedHashMap<>(headers);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "invalid_request", message);
  }

  static ApiException unauthorized(String error, String message, String challenge) {
    return new ApiException(401, error, message, Map.of("WWW-Authenticate", challenge));
  }

  static ApiException notFound(String path) {
    return new ApiException(404, "not_found", "no resource at " + path);
  }

  static ApiException methodNotAllowed(String method, String allowed) {
    return new ApiException(405, "method_not_allowed", method + " is not supported here",
        Map.of("Allow", allowed));
  }

  static ApiException cursorExpired(ExpiredPositionException cause) {
    return new ApiException(410, "cursor_expired", cause.getMessage()
        + "; start again without a cursor to read from the oldest retained event");
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  Map<String, String> headers() {
    return headers;
  }
}
