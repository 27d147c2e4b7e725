package io.github.variantconnect.demoapi;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/events} and {@code POST /v1/events/query}. Order of checks: credentials, request
 * syntax, then injected faults, then the page itself; so a wrong password or a bad parameter is
 * answered the same way every time, and only well-formed, authorised requests see faults.
 */
final class EventsEndpoint {
  static final String REDIRECT_PARAM = "redirect";
  static final String REDIRECT_OTHER_HOST = "other-host";

  private record RenderedPage(byte[] body, Map<String, String> headers, int repeated) {}

  private final DemoApiConfig config;
  private final RequestAuthenticator authenticator;
  private final EventPaginator paginator;
  private final FaultInjector injector;
  private final ServerCounters counters;
  private final int port;
  private final String baseUrl;

  EventsEndpoint(DemoApiConfig config, RequestAuthenticator authenticator,
      EventPaginator paginator, ServerCounters counters, int port, String baseUrl) {
    this.config = config;
    this.authenticator = authenticator;
    this.paginator = paginator;
    this.injector = new FaultInjector(config.seed());
    this.counters = counters;
    this.port = port;
    this.baseUrl = baseUrl;
  }

  void get(HttpExchange exchange, ApiRequest request) throws IOException {
    authenticator.authenticate(request);
    serve(exchange, request, EventsQuery.fromParams(request.query()));
  }

  void query(HttpExchange exchange, ApiRequest request) throws IOException {
    authenticator.authenticate(request);
    serve(exchange, request, EventsQuery.fromBody(request.body()));
  }

  private void serve(HttpExchange exchange, ApiRequest request, EventsQuery query)
      throws IOException {
    Faults faults = FaultOverrides.apply(config.faults(), request.query());
    FaultInjector.FaultPlan plan = injector.plan(faults, redirectRequested(request));
    if (plan.redirect()) {
      counters.fault(FaultType.REDIRECT);
      // 307 keeps the method and body of a POST; 302 is what GET clients usually meet.
      int status = request.method().equals("GET") ? 302 : 307;
      Responses.redirect(exchange, status, RequestUrls.otherHostLocation(request, port));
      return;
    }
    String retryAfter = Integer.toString(faults.retryAfterSeconds());
    if (plan.tooManyRequests()) {
      counters.fault(FaultType.TOO_MANY_REQUESTS);
      throw new ApiException(429, "rate_limited",
          "too many requests; retry after " + retryAfter + " s", Map.of("Retry-After", retryAfter));
    }
    if (plan.serverErrorStatus() == 500) {
      counters.fault(FaultType.SERVER_ERROR);
      throw new ApiException(500, "internal_error", "injected server error; retry the request");
    }
    if (plan.serverErrorStatus() == 503) {
      counters.fault(FaultType.SERVER_ERROR);
      throw new ApiException(503, "service_unavailable",
          "injected outage; retry after " + retryAfter + " s", Map.of("Retry-After", retryAfter));
    }
    if (plan.slow()) {
      counters.fault(FaultType.SLOW);
      pause(faults.slowDelay());
    }
    RenderedPage page = render(request, query, faults.repeatItems(), faults.wideNumbers());
    if (page.repeated() > 0) {
      counters.fault(FaultType.REPEATED_ITEMS);
    }
    if (faults.bombBytes() > 0) {
      Responses.gzipBomb(exchange, page.body(), faults.bombBytes(), page.headers());
    } else if (plan.truncate()) {
      counters.fault(FaultType.TRUNCATED);
      Responses.truncated(exchange, page.body(), page.headers());
    } else if (plan.oversize()) {
      counters.fault(FaultType.OVERSIZE);
      Responses.oversized(exchange, page.body(), faults.oversizeBytes(), page.headers());
    } else {
      Responses.json(exchange, 200, page.body(), page.headers());
    }
  }

  private RenderedPage render(ApiRequest request, EventsQuery query, int repeatItems, boolean wide) {
    try {
      return switch (query.style()) {
        case CURSOR -> cursorPage(request, query, repeatItems, wide);
        case PAGE -> numberedPage(query, repeatItems, wide);
        case OFFSET -> offsetPage(query, repeatItems, wide);
      };
    } catch (ExpiredPositionException e) {
      throw ApiException.cursorExpired(e);
    }
  }

  private RenderedPage cursorPage(ApiRequest request, EventsQuery query, int repeatItems, boolean wide) {
    EventPaginator.EventPage page =
        paginator.fromPosition(query.cursorSeq(), query.limit(), repeatItems);
    String cursor = CursorCodec.encode(page.nextSeq());
    String nextUrl = RequestUrls.nextCursorUrl(
        RequestUrls.origin(request, baseUrl), cursor, query.limit(), request.query());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("next_cursor", cursor);
    fields.put("next_url", nextUrl);
    fields.put("has_more", page.hasMore());
    return new RenderedPage(JsonBodies.page(page.data(), fields, wide),
        Map.of("Link", RequestUrls.nextLink(nextUrl)), page.repeated());
  }

  private RenderedPage numberedPage(EventsQuery query, int repeatItems, boolean wide) {
    EventPaginator.EventPage page =
        paginator.numbered(query.sinceMillis(), query.page(), query.limit(), repeatItems);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("page", query.page());
    fields.put("size", query.limit());
    fields.put("next_page", page.full() ? Integer.valueOf(query.page() + 1) : null);
    fields.put("has_more", page.hasMore());
    return new RenderedPage(JsonBodies.page(page.data(), fields, wide), Map.of(), page.repeated());
  }

  private RenderedPage offsetPage(EventsQuery query, int repeatItems, boolean wide) {
    EventPaginator.EventPage page =
        paginator.fromPosition(query.offset(), query.limit(), repeatItems);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("offset", query.offset());
    fields.put("limit", query.limit());
    fields.put("next_offset", page.nextSeq());
    fields.put("has_more", page.hasMore());
    return new RenderedPage(JsonBodies.page(page.data(), fields, wide), Map.of(), page.repeated());
  }

  private static boolean redirectRequested(ApiRequest request) {
    String value = request.param(REDIRECT_PARAM);
    if (value == null) {
      return false;
    }
    if (!value.equals(REDIRECT_OTHER_HOST)) {
      throw ApiException.badRequest(
          "redirect supports only '" + REDIRECT_OTHER_HOST + "', got '" + value + "'");
    }
    return true;
  }

  private static void pause(Duration delay) throws IOException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("server stopping during a slow reply");
    }
  }
}
