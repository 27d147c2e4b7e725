package io.github.variantconnect.http.source;

import com.fasterxml.jackson.core.JsonPointer;
import io.github.variantconnect.http.client.ApiClient;
import io.github.variantconnect.http.client.HostPolicy;
import io.github.variantconnect.http.client.RetryPolicy;
import io.github.variantconnect.http.client.UrlRedactor;
import io.github.variantconnect.http.config.EndpointSpec;
import io.github.variantconnect.http.config.PaginationSettings;
import io.github.variantconnect.http.config.RecordTimestamp;
import io.github.variantconnect.http.mapping.RecordFields;
import io.github.variantconnect.http.mapping.ValueConverter;
import io.github.variantconnect.http.metrics.EndpointMetrics;
import java.util.concurrent.ExecutorService;

/** What an {@link EndpointPoller} works with; the client and retry policy are shared by the task. */
record EndpointContext(
    EndpointSpec endpoint,
    PaginationSettings pagination,
    JsonPointer recordsPointer,
    RecordFields fields,
    ValueConverter values,
    RecordTimestamp recordTimestamp,
    int dedupWindow,
    ApiClient client,
    ExecutorService fetchExecutor,
    int pagesAhead,
    RetryPolicy retries,
    HostPolicy hosts,
    UrlRedactor redactor,
    EndpointMetrics metrics,
    boolean toleratesErrors) {}
