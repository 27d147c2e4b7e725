package io.github.variantconnect.demoapi;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Writes replies, including the deliberately broken ones the fault knobs ask for. */
final class Responses {
  static final String JSON = "application/json";

  private static final int PAD_CHUNK = 64 * 1024;

  private Responses() {}

  /** Writes {@code body}, compressed with gzip or deflate when the request's Accept-Encoding asks. */
  static void json(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", JSON);
    String coding = ContentCodings.chosen(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
    byte[] sent = body;
    if (coding != null) {
      sent = ContentCodings.encode(coding, body);
      exchange.getResponseHeaders().set("Content-Encoding", coding);
      exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
    }
    exchange.sendResponseHeaders(status, sent.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(sent);
    }
  }

  /**
   * The page with {@code expandedBytes} of whitespace padding, gzipped on the fly whatever the
   * request accepts: a few kilobytes on the wire that expand past any sane response limit.
   */
  static void gzipBomb(HttpExchange exchange, byte[] body, int expandedBytes,
      Map<String, String> headers) throws IOException {
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[PAD_CHUNK];
    Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = new java.util.zip.GZIPOutputStream(exchange.getResponseBody(), PAD_CHUNK)) {
      out.write(body, 0, body.length - 1);
      out.write(",\"padding\":\"".getBytes(StandardCharsets.US_ASCII));
      for (int left = expandedBytes; left > 0; left -= chunk.length) {
        out.write(chunk, 0, Math.min(left, chunk.length));
      }
      out.write("\"}".getBytes(StandardCharsets.US_ASCII));
    }
  }

  static void error(HttpExchange exchange, ApiException e) throws IOException {
    json(exchange, e.status(), JsonBodies.error(e.error(), e.getMessage()), e.headers());
  }

  /**
   * A 200 whose body stops half way. The declared length matches what is sent, so the HTTP
   * exchange itself is clean and only the JSON is broken, as with a crashed upstream serializer.
   */
  static void truncated(HttpExchange exchange, byte[] body, Map<String, String> headers)
      throws IOException {
    json(exchange, 200, Arrays.copyOf(body, Math.max(1, body.length / 2)), headers);
  }

  /**
   * The same page with a {@code "padding"} field appended, so the JSON stays valid but the body
   * grows by {@code padBytes}; streamed, so the server never holds the padding in memory.
   */
  static void oversized(HttpExchange exchange, byte[] body, int padBytes,
      Map<String, String> headers) throws IOException {
    byte[] open = ",\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] close = "\"}".getBytes(StandardCharsets.US_ASCII);
    long length = (long) body.length - 1 + open.length + padBytes + close.length;
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.sendResponseHeaders(200, length);
    byte[] chunk = new byte[Math.min(PAD_CHUNK, Math.max(1, padBytes))];
    Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body, 0, body.length - 1);
      out.write(open);
      for (int left = padBytes; left > 0; left -= chunk.length) {
        out.write(chunk, 0, Math.min(left, chunk.length));
      }
      out.write(close);
    }
  }

  static void redirect(HttpExchange exchange, int status, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(status, -1);
  }
}
