package io.github.variantconnect.http.auth;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** An API key as a query parameter, replacing any value of that parameter the URL already has. */
final class QueryApiKeyAuth implements Authenticator {

  private final String param;
  private final String key;

  QueryApiKeyAuth(String param, String key) {
    this.param = param;
    this.key = key;
  }

  @Override
  public URI decorate(URI uri) {
    String query = uri.getRawQuery();
    StringBuilder rebuilt = new StringBuilder();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (!name.equals(param) && !pair.isEmpty()) {
          rebuilt.append(rebuilt.length() == 0 ? "" : "&").append(pair);
        }
      }
    }
    rebuilt.append(rebuilt.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(param, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(key, StandardCharsets.UTF_8));
    String text = uri.toString();
    int q = text.indexOf('?');
    int hash = text.indexOf('#');
    String head = q >= 0 ? text.substring(0, q) : hash >= 0 ? text.substring(0, hash) : text;
    return URI.create(head + "?" + rebuilt);
  }

  @Override
  public Set<String> secretQueryParams() {
    return Set.of(param);
  }

  @Override
  public String toString() {
    return "QueryApiKeyAuth[" + param + "]";
  }
}
