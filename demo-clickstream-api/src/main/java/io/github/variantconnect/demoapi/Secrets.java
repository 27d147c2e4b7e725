package io.github.variantconnect.demoapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Credential comparisons and parsing that neither leak timing nor echo what was sent. */
final class Secrets {
  /** A decoded {@code Authorization: Basic} header. */
  record BasicCredentials(String user, String password) {}

  private Secrets() {}

  static boolean matches(String presented, String expected) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** The token of {@code Authorization: Bearer <token>}, or null if there is none. */
  static String bearerToken(String authorization) {
    return schemeValue(authorization, "Bearer");
  }

  /** The user and password of {@code Authorization: Basic ...}, or null if absent or unreadable. */
  static BasicCredentials basic(String authorization) {
    String encoded = schemeValue(authorization, "Basic");
    if (encoded == null) {
      return null;
    }
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0
          ? null
          : new BasicCredentials(pair.substring(0, colon), pair.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String schemeValue(String authorization, String scheme) {
    if (authorization == null || authorization.length() <= scheme.length()
        || !authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
      return null;
    }
    String value = authorization.substring(scheme.length() + 1).trim();
    return value.isEmpty() ? null : value;
  }
}
