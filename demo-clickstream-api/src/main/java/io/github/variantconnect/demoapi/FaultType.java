package io.github.variantconnect.demoapi;

import java.util.Locale;

/** The kinds of misbehaviour the server can inject; each has its own counter. */
public enum FaultType {
  /** A 500 or 503 reply. */
  SERVER_ERROR,
  /** A 429 reply with {@code Retry-After}. */
  TOO_MANY_REQUESTS,
  /** A correct reply sent only after a delay meant to exceed the client's timeout. */
  SLOW,
  /** A 200 reply whose JSON body is cut in the middle. */
  TRUNCATED,
  /** A correct page padded far beyond its normal size. */
  OVERSIZE,
  /** A 302/307 to the same path on the other loopback name: localhost vs 127.0.0.1. */
  REDIRECT,
  /** A page that starts with items the previous page already returned. */
  REPEATED_ITEMS;

  /** The key used in {@code /v1/stats}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
