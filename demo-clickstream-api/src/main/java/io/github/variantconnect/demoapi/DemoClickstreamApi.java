package io.github.variantconnect.demoapi;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running demo clickstream API: a JDK {@link HttpServer} on a bounded worker pool serving a
 * live, seeded e-commerce clickstream. Start one per test (port 0 picks a free port) and close it.
 */
public final class DemoClickstreamApi implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DemoClickstreamApi.class.getName());
  private static final int BACKLOG = 128;
  private static final int QUEUED_REQUESTS = 1_024;

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each reply then
    // waits ~40 ms for the client's delayed ACK. Read once, when the JVM's first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final DemoApiConfig config;
  private final EventTimeline timeline;
  private final LiveFeed feed;
  private final ServerCounters counters = new ServerCounters();
  private final ThreadPoolExecutor workers;
  private final HttpServer server;
  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DemoClickstreamApi(DemoApiConfig config) throws IOException {
    this.config = config;
    Instant startedAt = config.clock().instant();
    this.timeline = new EventTimeline(eventTimeOrigin(config, startedAt), config.eventsPerSecond());
    this.feed = new LiveFeed(config, timeline, startedAt);
    this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUED_REQUESTS), daemonThreads(),
        // A full queue slows the acceptor down instead of dropping connections.
        new ThreadPoolExecutor.CallerRunsPolicy());
    InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
    this.server = HttpServer.create(address, BACKLOG);
    int port = server.getAddress().getPort();
    this.baseUrl = "http://" + urlHost(address) + ":" + port;
    OAuthTokens tokens = new OAuthTokens(config.clock(), config.tokenTtl());
    RequestAuthenticator authenticator = new RequestAuthenticator(config, tokens);
    EventsEndpoint events = new EventsEndpoint(config, authenticator,
        new EventPaginator(feed, timeline), counters, port, baseUrl);
    TokenEndpoint tokenEndpoint =
        config.auth() == AuthMode.OAUTH2 ? new TokenEndpoint(config, tokens) : null;
    server.createContext("/",
        new ApiRouter(events, tokenEndpoint, authenticator, this::stats, counters));
    server.setExecutor(workers);
    server.start();
    LOG.log(Level.INFO, "demo clickstream API listening on {0} (seed {1}, {2} events/s, auth {3})",
        baseUrl, Long.toString(config.seed()), config.eventsPerSecond(), config.auth().flagValue());
    LOG.log(Level.DEBUG, "settings: {0}", config);
  }

  /** Binds, publishes the initial events and starts serving; fails if the port is taken. */
  public static DemoClickstreamApi start(DemoApiConfig config) {
    try {
      return new DemoClickstreamApi(config);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  /** e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public DemoApiConfig config() {
    return config;
  }

  /** The event time of seq 0; event n happens at {@code start + n / eventsPerSecond}. */
  public Instant eventTimeStart() {
    return timeline.start();
  }

  /** How many events are published so far (= the seq the next event will get). */
  public long headSeq() {
    return feed.headSeq();
  }

  /** The oldest seq still retained; requests for older positions get 410. */
  public long oldestRetainedSeq() {
    return feed.bounds().oldestSeq();
  }

  /** True once a feed with {@code maxEvents > 0} has published all of them. */
  public boolean isComplete() {
    return feed.isComplete();
  }

  /**
   * The ground truth: events {@code [fromSeq, toSeqExclusive)} exactly as the API serves them.
   * Ranges outside the retention window (or not yet published) are regenerated from the seed,
   * which costs time proportional to {@code toSeqExclusive}.
   */
  public List<ClickEvent> events(long fromSeq, long toSeqExclusive) {
    if (fromSeq < 0 || toSeqExclusive < fromSeq) {
      throw new IllegalArgumentException(
          "need 0 <= fromSeq <= toSeqExclusive, got [" + fromSeq + ", " + toSeqExclusive + ")");
    }
    if (config.maxEvents() > 0 && toSeqExclusive > config.maxEvents()) {
      throw new IllegalArgumentException("the feed ends at maxEvents=" + config.maxEvents());
    }
    LiveFeed.Bounds bounds = feed.bounds();
    if (fromSeq >= bounds.oldestSeq() && toSeqExclusive <= bounds.headSeq()) {
      try {
        return feed.read(fromSeq, toSeqExclusive);
      } catch (ExpiredPositionException e) {
        // The window moved on meanwhile; the seed still knows these events.
      }
    }
    ClickstreamGenerator generator =
        new ClickstreamGenerator(config.seed(), config.users(), timeline);
    List<ClickEvent> events = new ArrayList<>((int) Math.min(toSeqExclusive - fromSeq, 1 << 20));
    while (generator.nextSeq() < toSeqExclusive) {
      ClickEvent event = generator.next();
      if (event.seq() >= fromSeq) {
        events.add(event);
      }
    }
    return events;
  }

  /**
   * Blocks until at least {@code count} events are published.
   *
   * @throws IllegalStateException on timeout
   * @throws IllegalArgumentException if a bounded feed will never reach {@code count}
   */
  public void awaitPublished(long count, Duration timeout) {
    feed.awaitPublished(count, timeout);
  }

  /** Every HTTP request received, whatever its outcome. */
  public long requestCount() {
    return counters.requests();
  }

  /** Every fault injected, of all types. */
  public long faultCount() {
    return counters.faults();
  }

  public long faultCount(FaultType type) {
    return counters.faults(type);
  }

  /** The body of {@code GET /v1/stats}. */
  public Map<String, Object> stats() {
    LiveFeed.Bounds bounds = feed.bounds();
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("head_seq", bounds.headSeq());
    stats.put("oldest_seq", bounds.oldestSeq());
    stats.put("retained", bounds.headSeq() - bounds.oldestSeq());
    stats.put("window", feed.capacity());
    stats.put("max_events", config.maxEvents());
    stats.put("events_per_second", config.eventsPerSecond());
    stats.put("complete", config.maxEvents() > 0 && bounds.headSeq() >= config.maxEvents());
    stats.put("event_time_start", ClickEvent.formatEventTime(timeline.start()));
    stats.put("requests", counters.requests());
    stats.put("faults", counters.faults());
    stats.put("faults_by_type", counters.faultsByType());
    return stats;
  }

  /** Stops listening and interrupts replies still in progress (slow ones included). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.log(Level.DEBUG, "demo clickstream API at {0} stopped", baseUrl);
  }

  private static Instant eventTimeOrigin(DemoApiConfig config, Instant startedAt) {
    if (config.start() != null) {
      return config.start();
    }
    long backlogMillis =
        (long) Math.floor(config.initialEvents() * 1000.0 / config.eventsPerSecond());
    return startedAt.truncatedTo(ChronoUnit.SECONDS).minusMillis(backlogMillis);
  }

  private static String urlHost(InetSocketAddress address) {
    if (address.getAddress() == null || address.getAddress().isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String host = address.getHostString();
    return address.getAddress() instanceof Inet6Address && host.contains(":")
        ? "[" + host + "]" : host;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "demo-api-http-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
