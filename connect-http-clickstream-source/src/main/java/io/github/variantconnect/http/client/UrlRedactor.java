package io.github.variantconnect.http.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Masks query parameters that carry credentials before a URL reaches a log line or an offset. */
public final class UrlRedactor {

  private final Set<String> secretParams;

  public UrlRedactor(Set<String> secretParams) {
    this.secretParams = secretParams.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  public static UrlRedactor none() {
    return new UrlRedactor(Set.of());
  }

  public String redact(URI uri) {
    return rewrite(uri, true);
  }

  /** The URL without the secret parameters at all, for storing in offsets. */
  public URI strip(URI uri) {
    return URI.create(rewrite(uri, false));
  }

  private String rewrite(URI uri, boolean mask) {
    String query = uri.getRawQuery();
    if (secretParams.isEmpty() || query == null) {
      return uri.toString();
    }
    StringBuilder kept = new StringBuilder();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      boolean secret = secretParams.contains(URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
      if (secret && !mask) {
        continue;
      }
      if (kept.length() > 0) {
        kept.append('&');
      }
      kept.append(secret ? name + "=****" : pair);
    }
    String base = uri.toString();
    int q = base.indexOf('?');
    String head = base.substring(0, q);
    String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
    return kept.length() == 0 ? head + fragment : head + "?" + kept + fragment;
  }
}
