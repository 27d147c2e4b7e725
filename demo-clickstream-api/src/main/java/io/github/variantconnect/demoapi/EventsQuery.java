package io.github.variantconnect.demoapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What a client asked of {@code /v1/events}, in one of three pagination styles chosen by the
 * parameters present: {@code offset} → offset/limit; {@code since}, {@code page} or {@code size}
 * → page numbers; otherwise (with or without {@code cursor}) → cursor.
 *
 * @param cursorSeq the decoded cursor, null to start at the oldest retained event
 * @param limit the page size in every style ({@code limit} or {@code size})
 */
record EventsQuery(
    Style style, Long cursorSeq, int limit, long sinceMillis, int page, long offset) {

  enum Style { CURSOR, PAGE, OFFSET }

  /** Keeps the time-to-position arithmetic far from overflow. */
  private static final long LATEST_SINCE_MILLIS = Instant.parse("9999-12-31T23:59:59.999Z")
      .toEpochMilli();

  static EventsQuery fromParams(Map<String, String> params) {
    boolean cursor = params.containsKey("cursor");
    boolean offset = params.containsKey("offset");
    boolean paged = params.containsKey("since") || params.containsKey("page")
        || params.containsKey("size");
    if ((cursor ? 1 : 0) + (offset ? 1 : 0) + (paged ? 1 : 0) > 1) {
      throw ApiException.badRequest("use one pagination style per request: cursor, "
          + "offset(+limit) or since/page/size");
    }
    if (offset) {
      long position = parseLong("offset", params.get("offset"), 0, Long.MAX_VALUE);
      return new EventsQuery(Style.OFFSET, null, limit("limit", params.get("limit")), 0, 0,
          position);
    }
    if (paged) {
      int page = (int) parseLong("page", params.getOrDefault("page", "1"), 1, Integer.MAX_VALUE);
      String since = params.get("since");
      long sinceMillis = since == null ? Long.MIN_VALUE : parseSince(since);
      return new EventsQuery(Style.PAGE, null, limit("size", params.get("size")), sinceMillis,
          page, 0);
    }
    Long seq = cursor ? CursorCodec.decode(params.get("cursor")) : null;
    return new EventsQuery(Style.CURSOR, seq, limit("limit", params.get("limit")), 0, 0, 0);
  }

  /** The body of POST /v1/events/query, {"cursor":"...","limit":n}; both fields are optional. */
  static EventsQuery fromBody(byte[] body) {
    JsonNode json = body.length == 0 ? null : JsonBodies.parse(body);
    if (json != null && !json.isObject()) {
      throw ApiException.badRequest(
          "the body must be a JSON object like {\"cursor\":\"...\",\"limit\":100}");
    }
    JsonNode cursor = json == null ? null : json.get("cursor");
    JsonNode limit = json == null ? null : json.get("limit");
    Long seq = cursor == null || cursor.isNull() ? null : CursorCodec.decode(cursor.asText());
    String limitText = limit == null || limit.isNull() ? null : limit.asText();
    return new EventsQuery(Style.CURSOR, seq, limit("limit", limitText), 0, 0, 0);
  }

  private static int limit(String name, String text) {
    if (text == null) {
      return DemoApiConfig.DEFAULT_LIMIT;
    }
    return (int) parseLong(name, text, 1, DemoApiConfig.MAX_LIMIT);
  }

  private static long parseLong(String name, String text, long min, long max) {
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    String range = max == Long.MAX_VALUE || max == Integer.MAX_VALUE
        ? "an integer >= " + min
        : "an integer between " + min + " and " + max;
    throw ApiException.badRequest(name + " must be " + range + ", got '" + text + "'");
  }

  /** ISO-8601 ({@code 2026-01-05T00:00:00Z}, offsets allowed) or epoch milliseconds. */
  static long parseSince(String text) {
    long millis = parseSinceMillis(text);
    if (millis > LATEST_SINCE_MILLIS) {
      throw ApiException.badRequest("since must not be after the year 9999, got '" + text + "'");
    }
    return millis;
  }

  private static long parseSinceMillis(String text) {
    String trimmed = text.trim();
    // An unencoded '+' in a query string arrives as a space.
    String iso = trimmed.replace(' ', '+');
    try {
      if (trimmed.matches("-?\\d{1,18}")) {
        return Long.parseLong(trimmed);
      }
      if (iso.endsWith("Z")) {
        return Instant.parse(iso).toEpochMilli();
      }
      return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw ApiException.badRequest("since must be an ISO-8601 instant such as "
          + "2026-01-05T00:00:00Z or epoch milliseconds, got '" + text + "'");
    }
  }
}
