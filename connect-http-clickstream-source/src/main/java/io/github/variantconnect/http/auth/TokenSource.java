package io.github.variantconnect.http.auth;

import java.io.IOException;

/** Where OAuth2 tokens come from; a seam so token renewal can be tested without a server. */
interface TokenSource {

  AccessToken fetch() throws IOException, InterruptedException;
}
