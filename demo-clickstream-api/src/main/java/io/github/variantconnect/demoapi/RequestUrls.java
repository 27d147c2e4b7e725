package io.github.variantconnect.demoapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Absolute URLs the server hands out: next-page links and redirect targets. */
final class RequestUrls {
  /** A Host header is client input; only plain host[:port] forms are echoed into links. */
  private static final Pattern SAFE_HOST =
      Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?");

  private RequestUrls() {}

  /** {@code http://<Host header>}, so links work under whatever name the client used. */
  static String origin(ApiRequest request, String fallbackBaseUrl) {
    String host = request.header("Host");
    return host != null && SAFE_HOST.matcher(host).matches() ? "http://" + host : fallbackBaseUrl;
  }

  /**
   * The GET URL of the next cursor page. {@code fault.*} parameters are carried over so a client
   * following links keeps the faults it asked for; credentials never are.
   */
  static String nextCursorUrl(String origin, String cursor, int limit, Map<String, String> query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("cursor", cursor);
    params.put("limit", Integer.toString(limit));
    query.forEach((name, value) -> {
      if (name.startsWith(FaultOverrides.PREFIX)) {
        params.put(name, value);
      }
    });
    return origin + "/v1/events?" + QueryStrings.format(params);
  }

  /** An RFC 8288 {@code Link} header value. */
  static String nextLink(String url) {
    return "<" + url + ">; rel=\"next\"";
  }

  /**
   * The same request on the other loopback name: {@code localhost} becomes {@code 127.0.0.1} and
   * anything else becomes {@code localhost}. The {@code redirect} parameter is dropped so the
   * follow-up is served.
   */
  static String otherHostLocation(ApiRequest request, int port) {
    String host = request.header("Host");
    String hostName = host == null ? "" : host.replaceFirst(":\\d+$", "");
    String other = hostName.equalsIgnoreCase("localhost") ? "127.0.0.1" : "localhost";
    Map<String, String> params = new LinkedHashMap<>(request.query());
    params.remove("redirect");
    String query = params.isEmpty() ? "" : "?" + QueryStrings.format(params);
    return "http://" + other + ":" + port + request.path() + query;
  }
}
