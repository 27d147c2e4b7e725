package io.github.variantconnect.http.config;

/** The request methods an endpoint can be polled with. */
public enum HttpMethod {
  GET,
  POST
}
