package io.github.variantconnect.http.config;

import java.time.Duration;
import java.util.Set;

/** Timeouts, retries and the limits that protect the task from the API and the API from the task. */
public record ResilienceSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries,
    Duration backoffInitial,
    Duration backoffMax,
    Set<Integer> retryStatuses,
    Duration retryAfterMax,
    double maxRequestsPerSecond,
    long maxResponseBytes,
    /** The Accept-Encoding header sent, or null for none. */
    String acceptEncoding) {}
