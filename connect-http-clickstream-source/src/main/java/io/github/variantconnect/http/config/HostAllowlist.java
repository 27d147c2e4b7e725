package io.github.variantconnect.http.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** {@code http.allowed.hosts}: exact host names and {@code *.domain} wildcards; empty allows all. */
public final class HostAllowlist {

  private final List<String> patterns;

  public HostAllowlist(List<String> patterns) {
    this.patterns = patterns.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).toList();
  }

  public boolean allows(URI uri) {
    if (patterns.isEmpty()) {
      return true;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
        return true;
      }
    }
    return false;
  }
}
