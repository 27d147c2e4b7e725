package io.github.variantconnect.http.config;

/** How requests prove who the connector is. */
public enum AuthType {
  NONE,
  BASIC,
  BEARER,
  API_KEY,
  OAUTH2
}
