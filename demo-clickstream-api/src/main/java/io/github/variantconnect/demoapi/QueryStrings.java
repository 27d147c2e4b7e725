package io.github.variantconnect.demoapi;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Parses and writes {@code application/x-www-form-urlencoded} text: query strings, forms. */
final class QueryStrings {
  private QueryStrings() {}

  /** Parameters in their order of appearance; for a repeated name the first value wins. */
  static Map<String, String> parse(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.putIfAbsent(name, value);
    }
    return params;
  }

  static String format(Map<String, String> params) {
    StringJoiner joiner = new StringJoiner("&");
    params.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
    return joiner.toString();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed percent-encoding in '" + text + "'");
    }
  }
}
