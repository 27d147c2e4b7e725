package io.github.variantconnect.demoapi;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

/** The parts of an HTTP request the endpoints look at, read once from the exchange. */
record ApiRequest(
    String method, String path, Map<String, String> query, Map<String, String> headers,
    byte[] body) {

  private static final int MAX_BODY_BYTES = 64 * 1024;

  static ApiRequest read(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    byte[] body = new byte[0];
    if (!method.equals("GET") && !method.equals("HEAD")) {
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        throw new ApiException(413, "body_too_large",
            "request bodies are limited to " + MAX_BODY_BYTES + " bytes");
      }
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!values.isEmpty()) {
        headers.put(name, values.get(0));
      }
    });
    return new ApiRequest(method, exchange.getRequestURI().getPath(),
        QueryStrings.parse(exchange.getRequestURI().getRawQuery()), headers, body);
  }

  String header(String name) {
    return headers.get(name);
  }

  String param(String name) {
    return query.get(name);
  }
}
