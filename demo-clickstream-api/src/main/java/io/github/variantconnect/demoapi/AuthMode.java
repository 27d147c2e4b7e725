package io.github.variantconnect.demoapi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How clients authenticate to the {@code /v1/*} endpoints; one mode is active per server. */
public enum AuthMode {
  /** No credentials required. */
  NONE,
  /** {@code Authorization: Basic base64(username:password)}. */
  BASIC,
  /** {@code Authorization: Bearer <static token>}. */
  BEARER,
  /** The API key in a request header, {@code X-API-Key} unless renamed. */
  API_KEY_HEADER,
  /** The API key in a query parameter, {@code api_key} unless renamed. */
  API_KEY_QUERY,
  /** OAuth2 client credentials: a token from {@code POST /oauth/token}, sent as a Bearer token. */
  OAUTH2;

  /** The spelling used by flags and environment variables, e.g. {@code api-key-header}. */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a flag value such as {@code none}, {@code basic} or {@code api-key-query}; case and
   * {@code -} versus {@code _} do not matter.
   */
  public static AuthMode parse(String text) {
    String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (normalized.equals("API_KEY")) {
      return API_KEY_HEADER;
    }
    if (normalized.equals("OAUTH")) {
      return OAUTH2;
    }
    for (AuthMode mode : values()) {
      if (mode.name().equals(normalized)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown auth mode '" + text + "'; use one of " + allFlagValues());
  }

  static String allFlagValues() {
    return Arrays.stream(values()).map(AuthMode::flagValue).collect(Collectors.joining(", "));
  }
}
