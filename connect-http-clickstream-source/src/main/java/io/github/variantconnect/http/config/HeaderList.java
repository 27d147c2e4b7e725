package io.github.variantconnect.http.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Static request headers written as {@code Name: value|Other: value}. A pipe, not a comma, separates
 * them because header values such as {@code Accept} lists contain commas.
 */
public final class HeaderList {

  /** Headers the HTTP client sets itself or that auth owns; setting them here would clash or leak. */
  private static final Set<String> RESERVED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "authorization");

  private HeaderList() {}

  public static Map<String, String> parse(String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return headers;
    }
    for (String entry : text.split("\\|")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("header '" + entry.trim() + "' must be written Name: value");
      }
      String name = entry.substring(0, colon).trim();
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("'" + name + "' is not a valid header name");
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header " + name + " cannot be set here"
            + (name.equalsIgnoreCase("authorization") ? "; use auth.type and its keys so the secret stays hidden" : ""));
      }
      headers.put(name, entry.substring(colon + 1).trim());
    }
    return headers;
  }
}
