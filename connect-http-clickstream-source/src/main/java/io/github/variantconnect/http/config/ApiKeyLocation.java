package io.github.variantconnect.http.config;

/** Where an API key travels. */
public enum ApiKeyLocation {
  HEADER,
  QUERY
}
