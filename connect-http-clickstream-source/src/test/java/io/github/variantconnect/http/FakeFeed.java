package io.github.variantconnect.http;

import io.github.variantconnect.http.FakeApi.Reply;
import io.github.variantconnect.http.FakeApi.Request;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Function;

/**
 * A small event feed answering cursor, offset, page-number and link-header requests the way real
 * APIs do, with scripted failures served before the normal answers. Events are {@code e<seq>},
 * 10 ms apart, in sessions of 3.
 */
public final class FakeFeed implements Function<Request, Reply> {

  public static final Instant START = Instant.parse("2026-01-05T07:30:00Z");

  private volatile int size;
  private volatile int repeat;
  private final Deque<Reply> scripted = new ArrayDeque<>();

  public FakeFeed(int size) {
    this.size = size;
  }

  public FakeFeed repeat(int items) {
    this.repeat = items;
    return this;
  }

  /** Appends events, as a live feed grows. */
  public void grow(int more) {
    size += more;
  }

  /** Answers the next requests with {@code replies}, then normally again. */
  public synchronized FakeFeed thenFail(Reply... replies) {
    for (Reply reply : replies) {
      scripted.add(reply);
    }
    return this;
  }

  public static String event(int seq) {
    return "{\"event_id\":\"e" + seq + "\",\"session_id\":\"s" + seq / 3 + "\",\"event_type\":\"page_view\","
        + "\"price\":" + (seq % 2 == 0 ? "19.99" : "null") + ",\"quantity\":" + seq % 4 + ","
        + "\"event_time\":\"" + START.plusMillis(seq * 10L) + "\"}";
  }

  @Override
  public synchronized Reply apply(Request request) {
    if (!scripted.isEmpty()) {
      return scripted.poll();
    }
    Map<String, String> q = request.query();
    int limit = Integer.parseInt(q.getOrDefault("limit", q.getOrDefault("size", "10")));
    if (q.containsKey("page") || q.containsKey("since")) {
      int first = 0;
      if (q.containsKey("since")) {
        long since = Instant.parse(q.get("since")).toEpochMilli();
        first = (int) Math.max(0, (since - START.toEpochMilli() + 9) / 10);
      }
      int page = Integer.parseInt(q.getOrDefault("page", "1"));
      int from = first + (page - 1) * limit;
      int to = Math.min(size, from + limit);
      String nextPage = to - from == limit ? Integer.toString(page + 1) : "null";
      return Reply.json("{\"data\":" + events(from, to) + ",\"next_page\":" + nextPage + "}");
    }
    int from = Integer.parseInt(q.getOrDefault("offset", q.getOrDefault("cursor", "0")));
    int repeated = from > 0 && from < size ? Math.min(repeat, from) : 0;
    int to = Math.min(size, from + limit - repeated);
    String next = "/events?cursor=" + to + "&limit=" + limit;
    Reply reply = Reply.json("{\"data\":" + events(from - repeated, to) + ",\"next_cursor\":\"" + to
        + "\",\"next_offset\":" + to + ",\"has_more\":" + (to < size) + ",\"next_url\":\"" + next + "\"}");
    return reply.withHeader("Link", "<" + next + ">; rel=\"next\", </events>; rel=\"first\"");
  }

  private String events(int from, int to) {
    StringBuilder out = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      out.append(i == from ? "" : ",").append(event(i));
    }
    return out.append(']').toString();
  }
}
