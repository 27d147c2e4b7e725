package io.github.variantconnect.demoapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One clickstream event as the API serves it. {@code seq} is the event's position in the feed and
 * is not part of the JSON; every other component is a field of the clickstream data contract.
 *
 * @param price two decimal places; null for events without a price (search, home/category views)
 * @param quantity null except for cart events, checkout (units in the cart) and purchase
 */
public record ClickEvent(
    long seq,
    String eventId,
    String sessionId,
    String userId,
    String eventType,
    String productId,
    String category,
    BigDecimal price,
    Integer quantity,
    String pageUrl,
    String referrer,
    String device,
    String country,
    Instant eventTime) {

  /** The JSON field names, in the order the API writes them. */
  public static final List<String> FIELD_NAMES = List.of(
      "event_id", "session_id", "user_id", "event_type", "product_id", "category", "price",
      "quantity", "page_url", "referrer", "device", "country", "event_time");

  private static final DateTimeFormatter EVENT_TIME_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** {@code event_time} as written in the JSON: ISO-8601 UTC with milliseconds. */
  public String eventTimeText() {
    return formatEventTime(eventTime);
  }

  /**
   * The event as the API's JSON object: field names of the contract, {@code price} as BigDecimal,
   * {@code quantity} as Integer, {@code event_time} as text, nulls kept.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("event_id", eventId);
    map.put("session_id", sessionId);
    map.put("user_id", userId);
    map.put("event_type", eventType);
    map.put("product_id", productId);
    map.put("category", category);
    map.put("price", price);
    map.put("quantity", quantity);
    map.put("page_url", pageUrl);
    map.put("referrer", referrer);
    map.put("device", device);
    map.put("country", country);
    map.put("event_time", eventTimeText());
    return Collections.unmodifiableMap(map);
  }

  static String formatEventTime(Instant instant) {
    return EVENT_TIME_FORMAT.format(instant);
  }
}
