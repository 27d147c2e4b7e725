package io.github.variantconnect.http.source;

import io.github.variantconnect.common.TokenBucket;
import io.github.variantconnect.http.auth.Authenticator;
import io.github.variantconnect.http.auth.Authenticators;
import io.github.variantconnect.http.client.ApiClient;
import io.github.variantconnect.http.client.HostPolicy;
import io.github.variantconnect.http.client.HttpClients;
import io.github.variantconnect.http.client.RetryPolicy;
import io.github.variantconnect.http.client.TlsContexts;
import io.github.variantconnect.http.client.UrlRedactor;
import io.github.variantconnect.http.config.EndpointSpec;
import io.github.variantconnect.http.config.HostAllowlist;
import io.github.variantconnect.http.config.HttpSourceConfig;
import io.github.variantconnect.http.mapping.RecordFields;
import io.github.variantconnect.http.mapping.ValueConverter;
import io.github.variantconnect.http.metrics.EndpointMetrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The endpoints of one task, sharing one HTTP client, one retry policy and one request-rate limit.
 * Each poll visits the endpoints that are due, in turn, one request each.
 */
public final class EndpointGroup implements AutoCloseable {

  /** Longest a poll waits with nothing due, so the worker regains control regularly. */
  private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final List<EndpointPoller> pollers;
  private final List<EndpointMetrics> metrics;
  private final ApiClient client;
  private final ExecutorService executor;
  private final ExecutorService fetchExecutor;
  private final TokenBucket limiter;
  private final LongSupplier nanoClock;
  private int next;

  private EndpointGroup(List<EndpointPoller> pollers, List<EndpointMetrics> metrics, ApiClient client,
      ExecutorService executor, ExecutorService fetchExecutor, TokenBucket limiter, LongSupplier nanoClock) {
    this.pollers = pollers;
    this.metrics = metrics;
    this.client = client;
    this.executor = executor;
    this.fetchExecutor = fetchExecutor;
    this.limiter = limiter;
    this.nanoClock = nanoClock;
  }

  /**
   * Opens the endpoints; {@code nanoClock} is the monotonic clock (as {@link System#nanoTime()}) that
   * schedules requests, retries and the request-rate limit.
   */
  public static EndpointGroup open(HttpSourceConfig config, List<String> endpointNames, OffsetStorageReader offsets,
      String connector, int task, LongSupplier nanoClock) {
    SSLContext ssl;
    try {
      ssl = TlsContexts.create(config.safety());
    } catch (GeneralSecurityException | IOException e) {
      throw new ConnectException("HTTP source: cannot set up TLS from the http.ssl.* settings: " + e.getMessage(), e);
    }
    ExecutorService executor = HttpClients.executor("http-source-" + connector + "-" + task);
    HttpClient http = HttpClients.create(config.resilience(), ssl, executor);
    Authenticator auth = Authenticators.of(config.auth(), http, config.resilience().requestTimeout());
    HostPolicy hosts = new HostPolicy(new HostAllowlist(config.safety().allowedHosts()), config.safety().redirectsToOtherHosts());
    UrlRedactor redactor = new UrlRedactor(Set.copyOf(auth.secretQueryParams()));
    ApiClient client = new ApiClient(http, auth, config.headers(), hosts, config.resilience().requestTimeout(),
        config.resilience().maxResponseBytes(), config.resilience().acceptEncoding());
    RetryPolicy retries = new RetryPolicy(config.resilience(), RandomGenerator.getDefault());
    RecordFields fields = new RecordFields(config.mapping());
    // Requests sent ahead would outrun a request-rate limit, which is counted as pages are taken.
    int pagesAhead = config.resilience().maxRequestsPerSecond() > 0 ? 0 : config.pagination().pagesAhead();
    ExecutorService fetchExecutor = pagesAhead == 0 ? null
        : HttpClients.fixedPool("http-source-" + connector + "-" + task + "-ahead", pagesAhead);

    List<EndpointSpec> endpoints = config.endpoints().stream().filter(e -> endpointNames.contains(e.name())).toList();
    Map<String, EndpointOffset> stored = storedOffsets(offsets, endpoints);
    long now = nanoClock.getAsLong();
    List<EndpointPoller> pollers = new ArrayList<>();
    List<EndpointMetrics> metrics = new ArrayList<>();
    for (EndpointSpec endpoint : endpoints) {
      EndpointMetrics endpointMetrics = new EndpointMetrics(endpoint.name(), task).register(connector);
      metrics.add(endpointMetrics);
      EndpointContext context = new EndpointContext(endpoint, config.pagination(), config.mapping().records(), fields,
          ValueConverter.of(config.mapping().valueFormat()), config.mapping().recordTimestamp(), config.mapping().dedupWindow(), client, fetchExecutor, pagesAhead, retries, hosts,
          redactor, endpointMetrics, config.toleratesErrors());
      pollers.add(new EndpointPoller(context, stored.get(endpoint.name()), now));
    }
    return new EndpointGroup(pollers, metrics, client, executor, fetchExecutor,
        new TokenBucket(config.resilience().maxRequestsPerSecond(), now), nanoClock);
  }

  private static Map<String, EndpointOffset> storedOffsets(OffsetStorageReader reader, List<EndpointSpec> endpoints) {
    List<Map<String, String>> partitions = endpoints.stream().map(e -> EndpointOffset.partition(e.name())).toList();
    Map<String, EndpointOffset> stored = new HashMap<>();
    reader.offsets(partitions).forEach((partition, offset) -> {
      EndpointOffset parsed = EndpointOffset.fromMap(offset);
      if (parsed != null) {
        stored.put(partition.get(EndpointOffset.ENDPOINT), parsed);
      }
    });
    return stored;
  }

  public List<String> endpointNames() {
    return pollers.stream().map(EndpointPoller::name).toList();
  }

  /** Positions the endpoints resumed from or reached, by name; for logs and tests. */
  public Map<String, EndpointOffset> positions() {
    Map<String, EndpointOffset> positions = new LinkedHashMap<>();
    pollers.forEach(p -> positions.put(p.name(), p.position()));
    return positions;
  }

  /** The records of the endpoints due now, or null after waiting (bounded) when none is due. */
  public List<SourceRecord> poll(CountDownLatch stopped) throws InterruptedException {
    long now = nanoClock.getAsLong();
    List<SourceRecord> out = null;
    int count = pollers.size();
    for (int k = 0; k < count && stopped.getCount() > 0; k++) {
      EndpointPoller poller = pollers.get((next + k) % count);
      if (poller.dueNanos() - now > 0) {
        continue;
      }
      if (!limiter.tryAcquire(now)) {
        break;
      }
      List<SourceRecord> records;
      try {
        records = poller.poll(now);
      } catch (CancellationException stopping) {
        return null;
      }
      if (!records.isEmpty()) {
        if (out == null) {
          out = new ArrayList<>(records);
        } else {
          out.addAll(records);
        }
      }
      now = nanoClock.getAsLong();
    }
    next = (next + 1) % Math.max(1, count);
    if (out != null) {
      return out;
    }
    long wait = MAX_IDLE_NANOS;
    for (EndpointPoller poller : pollers) {
      wait = Math.min(wait, poller.dueNanos() - now);
    }
    wait = Math.max(wait, limiter.nanosUntilPermit(now));
    if (wait > 0) {
      stopped.await(wait, TimeUnit.NANOSECONDS);
    }
    return null;
  }

  /** Releases a poll waiting on the API; called from the thread that stops the task. */
  public void abort() {
    client.abort();
  }

  @Override
  public void close() {
    client.abort();
    pollers.forEach(EndpointPoller::close);
    metrics.forEach(EndpointMetrics::close);
    if (fetchExecutor != null) {
      fetchExecutor.shutdownNow();
    }
    executor.shutdown();
  }
}
