package io.github.variantconnect.http.config;

/** A validation problem attached to the config key a user has to fix. */
public record KeyError(String key, String message) {}
