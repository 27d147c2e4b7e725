package io.github.variantconnect.common.config;

/** A validation problem attached to the config key a user has to fix. */
public record KeyError(String key, String message) {}
