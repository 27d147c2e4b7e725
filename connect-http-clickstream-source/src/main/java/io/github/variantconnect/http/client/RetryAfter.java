package io.github.variantconnect.http.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 section 10.2.3). */
final class RetryAfter {

  private RetryAfter() {}

  /** The wait it asks for, or null when the header is absent or unreadable. */
  static Duration parse(String value) {
    return parse(value, Instant.now());
  }

  static Duration parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
