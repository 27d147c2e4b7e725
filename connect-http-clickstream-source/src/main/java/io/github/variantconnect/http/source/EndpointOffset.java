package io.github.variantconnect.http.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint's position in Connect source offsets. The partition is the endpoint name. The offset
 * names the page to ask for ({@code cursor}, a next-page URL, {@code page} within {@code since}, or
 * {@code offset}) and how much of it was delivered: {@code skip} items, the last being {@code
 * last_id}. Records carry the position just after themselves, so a restart re-reads at most one
 * page and skips what was delivered. Without pagination the position is {@code since} with the ids
 * already delivered at that event time ({@code tie_ids}). {@code seen_ids} carries the
 * de-duplication window as it was when the page started. Connect offsets hold only primitive
 * values, so id lists are stored as JSON array text.
 */
public record EndpointOffset(
    String cursor,
    Long page,
    Long offset,
    String since,
    Long sinceMillis,
    int skip,
    String lastId,
    List<String> tieIds,
    List<String> seenIds) {

  public static final String ENDPOINT = "endpoint";
  public static final String CURSOR = "cursor";
  public static final String PAGE = "page";
  public static final String OFFSET = "offset";
  public static final String SINCE = "since";
  public static final String SINCE_MS = "since_ms";
  public static final String SKIP = "skip";
  public static final String LAST_ID = "last_id";
  public static final String TIE_IDS = "tie_ids";
  public static final String SEEN_IDS = "seen_ids";

  public EndpointOffset {
    tieIds = tieIds == null ? List.of() : tieIds;
    seenIds = seenIds == null ? List.of() : seenIds;
  }

  public static Map<String, String> partition(String endpoint) {
    return Map.of(ENDPOINT, endpoint);
  }

  public static EndpointOffset start(String cursor, Long page, Long offset, String since) {
    return new EndpointOffset(cursor, page, offset, since, null, 0, null, List.of(), List.of());
  }

  /** The same page with {@code skip} items delivered, the last being {@code lastId}. */
  public EndpointOffset within(int skip, String lastId) {
    return new EndpointOffset(cursor, page, offset, since, sinceMillis, skip, lastId, tieIds, seenIds);
  }

  public EndpointOffset atCursor(String nextCursor) {
    return new EndpointOffset(nextCursor, page, offset, since, sinceMillis, 0, lastId, tieIds, seenIds);
  }

  public EndpointOffset atPage(String nextSince, long nextPage) {
    return new EndpointOffset(cursor, nextPage, offset, nextSince, sinceMillis, 0, lastId, tieIds, seenIds);
  }

  public EndpointOffset atOffset(long nextOffset) {
    return new EndpointOffset(cursor, page, nextOffset, since, sinceMillis, 0, lastId, tieIds, seenIds);
  }

  public EndpointOffset atTime(String time, long millis, List<String> idsAtTime) {
    return new EndpointOffset(cursor, page, offset, time, millis, 0, lastId, idsAtTime, seenIds);
  }

  public EndpointOffset withLastId(String id) {
    return new EndpointOffset(cursor, page, offset, since, sinceMillis, skip, id, tieIds, seenIds);
  }

  public EndpointOffset withSeen(List<String> window) {
    return new EndpointOffset(cursor, page, offset, since, sinceMillis, skip, lastId, tieIds, window);
  }

  /** The position in a few words, for logs: the page it names and how much of it was delivered. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    if (cursor != null) {
      text.append("cursor ").append(cursor).append(' ');
    }
    if (since != null) {
      text.append("since ").append(since).append(' ');
    }
    if (page != null) {
      text.append("page ").append(page).append(' ');
    }
    if (offset != null) {
      text.append("offset ").append(offset).append(' ');
    }
    if (text.length() == 0) {
      text.append("the start ");
    }
    return text.append("skip ").append(skip).toString();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new HashMap<>(12);
    putIfSet(map, CURSOR, cursor);
    putIfSet(map, PAGE, page);
    putIfSet(map, OFFSET, offset);
    putIfSet(map, SINCE, since);
    putIfSet(map, SINCE_MS, sinceMillis);
    map.put(SKIP, skip);
    putIfSet(map, LAST_ID, lastId);
    if (!tieIds.isEmpty()) {
      map.put(TIE_IDS, IdList.encode(tieIds));
    }
    if (!seenIds.isEmpty()) {
      map.put(SEEN_IDS, IdList.encode(seenIds));
    }
    return map;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** Rebuilds a stored offset; {@code null} stays {@code null} (nothing stored yet). */
  public static EndpointOffset fromMap(Map<String, ?> map) {
    if (map == null) {
      return null;
    }
    Long skip = number(map, SKIP);
    return new EndpointOffset(
        text(map, CURSOR), number(map, PAGE), number(map, OFFSET), text(map, SINCE), number(map, SINCE_MS),
        skip == null ? 0 : Math.toIntExact(skip), text(map, LAST_ID), strings(map, TIE_IDS), strings(map, SEEN_IDS));
  }

  /** Checks a partition and offset a user writes through the REST API (KIP-875). */
  public static void validate(Map<String, ?> partition, Map<String, ?> offset) {
    if (partition == null || !(partition.get(ENDPOINT) instanceof String name) || name.isBlank()) {
      throw new IllegalArgumentException(
          "source partition must be {\"" + ENDPOINT + "\": \"<endpoint name>\"}, got " + partition);
    }
    if (offset == null) {
      return; // resets the endpoint to its configured start
    }
    EndpointOffset parsed = fromMap(offset);
    if (parsed.skip < 0) {
      throw new IllegalArgumentException(SKIP + " must be >= 0 for endpoint " + name);
    }
    if (parsed.page != null && parsed.page < 0 || parsed.offset != null && parsed.offset < 0) {
      throw new IllegalArgumentException(PAGE + " and " + OFFSET + " must be >= 0 for endpoint " + name);
    }
  }

  private static String text(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("source offset field " + key + " must be a string, got " + value);
  }

  private static Long number(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException("source offset field " + key + " must be a number, got " + value);
  }

  private static List<String> strings(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("source offset field " + key + " must be a JSON array of ids in a string, got " + value);
    }
    try {
      return IdList.decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("source offset field " + key + ": " + e.getMessage());
    }
  }
}
