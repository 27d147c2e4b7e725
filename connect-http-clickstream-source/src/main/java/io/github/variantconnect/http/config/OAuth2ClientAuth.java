package io.github.variantconnect.http.config;

/** How the client id and secret reach the token endpoint (RFC 6749 section 2.3.1). */
public enum OAuth2ClientAuth {
  /** {@code Authorization: Basic} header ({@code client_secret_basic}). */
  BASIC,
  /** {@code client_id} and {@code client_secret} form fields ({@code client_secret_post}). */
  BODY
}
