package io.github.variantconnect.http.config;

import io.github.variantconnect.common.config.DurationParser;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;

/** Timeouts, retries with backoff, request rate and response size. */
public final class ResilienceKeys {

  static final String GROUP = "Timeouts and retries";

  public static final String CONNECT_TIMEOUT = "http.connect.timeout";
  public static final String REQUEST_TIMEOUT = "http.request.timeout";
  public static final String MAX_RETRIES = "retry.max.retries";
  public static final String BACKOFF_INITIAL = "retry.backoff.initial";
  public static final String BACKOFF_MAX = "retry.backoff.max";
  public static final String RETRY_STATUSES = "retry.statuses";
  public static final String RETRY_AFTER_MAX = "retry.after.max";
  public static final String MAX_REQUESTS_PER_SECOND = "http.max.requests.per.second";
  public static final String MAX_RESPONSE_BYTES = "http.max.response.bytes";

  private ResilienceKeys() {}

  static ConfigDef define(ConfigDef def) {
    int order = 0;
    return def
        .define(CONNECT_TIMEOUT, Type.STRING, "10s", DurationParser.atLeast(Duration.ofMillis(1)), Importance.MEDIUM,
            "Longest wait for a TCP/TLS connection.", GROUP, ++order, Width.SHORT, "Connect timeout")
        .define(REQUEST_TIMEOUT, Type.STRING, "30s", DurationParser.atLeast(Duration.ofMillis(1)), Importance.MEDIUM,
            "Longest wait for a response once the request is sent; a timeout is retried.",
            GROUP, ++order, Width.SHORT, "Request timeout")
        .define(MAX_RETRIES, Type.INT, 10, Range.between(0, 1000), Importance.MEDIUM,
            "Retries of one request after a retriable failure (a status in retry.statuses, an I/O error, a"
                + " timeout, a body that is not JSON or too large) before the task fails, naming endpoint, status and an excerpt"
                + " of the body. With errors.tolerance=all the failure is logged instead and the endpoint tries"
                + " the same position again after poll.interval.",
            GROUP, ++order, Width.SHORT, "Max retries")
        .define(BACKOFF_INITIAL, Type.STRING, "250ms", DurationParser.atLeast(Duration.ofMillis(1)), Importance.LOW,
            "Wait before the first retry; it doubles with each further retry, with random jitter.",
            GROUP, ++order, Width.SHORT, "Initial backoff")
        .define(BACKOFF_MAX, Type.STRING, "30s", DurationParser.atLeast(Duration.ofMillis(1)), Importance.LOW,
            "Longest wait between retries.", GROUP, ++order, Width.SHORT, "Max backoff")
        .define(RETRY_STATUSES, Type.LIST, List.of("429", "500", "502", "503", "504"), Validators.statusCodes(),
            Importance.LOW,
            "HTTP statuses that are retried. Other error statuses fail at once, except a 401 under oauth2,"
                + " which renews the token and retries.",
            GROUP, ++order, Width.MEDIUM, "Retried statuses")
        .define(RETRY_AFTER_MAX, Type.STRING, "5m", DurationParser.atLeast(Duration.ZERO), Importance.LOW,
            "A Retry-After header is honoured up to this long.", GROUP, ++order, Width.SHORT, "Max Retry-After")
        .define(MAX_REQUESTS_PER_SECOND, Type.DOUBLE, 0.0, Range.atLeast(0.0), Importance.LOW,
            "Most requests per second per task, over all its endpoints; 0: unlimited.",
            GROUP, ++order, Width.SHORT, "Max requests per second")
        .define(MAX_RESPONSE_BYTES, Type.LONG, 32L * 1024 * 1024, Range.between(1024, Integer.MAX_VALUE - 8),
            Importance.LOW,
            "Largest response body accepted; a larger one fails the request (lower pagination.limit).",
            GROUP, ++order, Width.SHORT, "Max response bytes");
  }

  static ResilienceSettings parse(AbstractConfig config) {
    Set<Integer> statuses = new LinkedHashSet<>();
    config.getList(RETRY_STATUSES).forEach(s -> statuses.add(Integer.parseInt(s.trim())));
    return new ResilienceSettings(
        DurationParser.parse(config.getString(CONNECT_TIMEOUT)),
        DurationParser.parse(config.getString(REQUEST_TIMEOUT)),
        config.getInt(MAX_RETRIES),
        DurationParser.parse(config.getString(BACKOFF_INITIAL)),
        DurationParser.parse(config.getString(BACKOFF_MAX)),
        Set.copyOf(statuses),
        DurationParser.parse(config.getString(RETRY_AFTER_MAX)),
        config.getDouble(MAX_REQUESTS_PER_SECOND),
        config.getLong(MAX_RESPONSE_BYTES));
  }
}
