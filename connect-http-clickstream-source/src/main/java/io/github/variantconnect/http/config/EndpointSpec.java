package io.github.variantconnect.http.config;

import java.net.URI;

/**
 * One endpoint to poll. The name identifies it in source offsets and metrics, so it must stay stable
 * while its stored position is to be kept. Empty templates mean "what the pagination mode implies".
 */
public record EndpointSpec(
    String name, URI url, HttpMethod method, String queryTemplate, String bodyTemplate, String topic) {}
