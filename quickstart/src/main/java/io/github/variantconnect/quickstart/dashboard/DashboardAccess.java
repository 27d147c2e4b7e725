package io.github.variantconnect.quickstart.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may read the dashboard. On a loopback address without a token, anyone on this machine; with
 * a token — required on any other address, so the figures never reach the network unguarded — only
 * requests that present it, as {@code Authorization: Bearer <token>} or as the password of HTTP
 * Basic authentication (any user name), which lets a browser ask for it.
 */
public final class DashboardAccess {

  /** System property holding the token; the environment variable {@link #TOKEN_ENV} also works. */
  public static final String TOKEN_PROPERTY = "quickstart.dashboard.token";
  public static final String TOKEN_ENV = "QUICKSTART_DASHBOARD_TOKEN";
  static final int MIN_TOKEN_LENGTH = 16;
  static final String CHALLENGE = "Basic realm=\"Variant Connect dashboard\", charset=\"UTF-8\"";

  private final byte[] token;

  private DashboardAccess(byte[] token) {
    this.token = token;
  }

  /** The token from the system property, else the environment; none when both are unset. */
  static DashboardAccess configured() {
    String value = System.getProperty(TOKEN_PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(TOKEN_ENV);
    }
    return value == null || value.isBlank() ? open() : withToken(value);
  }

  static DashboardAccess open() {
    return new DashboardAccess(null);
  }

  static DashboardAccess withToken(String token) {
    if (token.strip().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(TOKEN_PROPERTY + " must be at least " + MIN_TOKEN_LENGTH + " characters");
    }
    return new DashboardAccess(token.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** Refuses to serve {@code host} beyond loopback without a token. */
  void checkServable(String host) {
    if (token != null) {
      return;
    }
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException("quickstart.dashboard.host=" + host + " is reachable from other machines:"
            + " set " + TOKEN_PROPERTY + " (or " + TOKEN_ENV + ") to a token of at least " + MIN_TOKEN_LENGTH
            + " characters, which every request must then present");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("quickstart.dashboard.host=" + host + " is not a known address", e);
    }
  }

  /** Whether a request with this {@code Authorization} header (null if none) may read. */
  boolean permits(String authorization) {
    if (token == null) {
      return true;
    }
    return presented(authorization).map(t -> MessageDigest.isEqual(t, token)).orElse(false);
  }

  private static Optional<byte[]> presented(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String header = authorization.strip();
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String userAndPassword = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = userAndPassword.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(userAndPassword.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
