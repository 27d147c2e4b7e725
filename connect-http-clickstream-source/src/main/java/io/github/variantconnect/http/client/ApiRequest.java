package io.github.variantconnect.http.client;

import java.net.URI;

/** One page request: method, URL (without credentials) and an optional JSON body. */
public record ApiRequest(String method, URI uri, String body) {

  /** Method and URL with credential-bearing query parameters masked, for logs and error messages. */
  public String describe(UrlRedactor redactor) {
    return method + " " + redactor.redact(uri);
  }
}
