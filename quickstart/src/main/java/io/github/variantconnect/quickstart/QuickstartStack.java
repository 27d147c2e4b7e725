package io.github.variantconnect.quickstart;

import io.github.variantconnect.quickstart.dashboard.DashboardRefresher;
import io.github.variantconnect.quickstart.dashboard.DashboardServer;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.mirror.DuckDbRefresher;
import io.github.variantconnect.quickstart.mirror.MirrorRefresh;
import io.github.variantconnect.quickstart.snowflake.SnowflakePanelSource;
import io.github.variantconnect.quickstart.sql.SqlScripts;
import io.github.variantconnect.testkit.ConnectCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole local stack, started in dependency order and closed in reverse: the DuckDB scripts and
 * the refresher of their mirror, the demo clickstream API, a KRaft broker, a Connect worker in its own JVM (the sink inside it
 * writes the DuckDB file, so the dashboard must live in another process), the connectors from
 * {@code config/}, and the dashboard. All state lives in one {@link DataDirectory}.
 */
public final class QuickstartStack implements AutoCloseable {

  private static final Duration SQL_LOCK_PATIENCE = Duration.ofSeconds(60);
  private static final Duration CONNECTOR_START_TIMEOUT = Duration.ofMinutes(2);
  /** How often the dashboard reads its panels from the DuckDB file (longer when a read is slow). */
  public static final Duration DASHBOARD_REFRESH = Duration.ofSeconds(3);
  /** The dynamic tables lag up to a minute, and every round costs warehouse time. */
  private static final Duration SNOWFLAKE_DASHBOARD_REFRESH = Duration.ofSeconds(30);
  private static final long FEED_SAVE_SECONDS = 2;
  /** The most new raw rows per table that one mirror refresh reads, which bounds how long it holds the file. */
  public static final int MIRROR_BATCH_ROWS = 50_000;

  private final QuickstartOptions options;
  private final PrintStream out;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final List<String> connectors = new ArrayList<>();
  private DataDirectory data;
  private ClickstreamFeed feed;
  private ConnectCluster cluster;
  private DuckDbRefresher mirror;
  private DashboardRefresher refresher;
  private DashboardServer dashboard;
  private boolean closing;

  public QuickstartStack(QuickstartOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * Starts everything, or stops whatever had started and rethrows. {@link #close()} may be called
   * from another thread (a shutdown hook) while this runs; the start then ends early.
   */
  public QuickstartStack start() throws Exception {
    try {
      startAll();
      return this;
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  /** Starts a stack; the shorthand of {@code new QuickstartStack(options, out).start()}. */
  public static QuickstartStack start(QuickstartOptions options, PrintStream out) throws Exception {
    return new QuickstartStack(options, out).start();
  }

  /** Remembers a started part for {@link #close()}; closes it at once if the stack is stopping. */
  private <T extends AutoCloseable> T track(T part) throws Exception {
    synchronized (started) {
      if (!closing) {
        started.push(part);
        return part;
      }
    }
    part.close();
    throw new IllegalStateException("the quickstart is stopping");
  }

  private void startAll() throws Exception {
    data = DataDirectory.open(options.dataDir(), options.reset());
    boolean resuming = data.hasBrokerData();
    out.println((resuming ? "Resuming from " : "Starting fresh in ") + data.root()
        + (options.reset() ? " (reset)" : ""));

    // Before the worker starts nobody else holds the file; retries cover a DuckDB CLI left open.
    int statements = new DuckDbFile(data.duckDbFile())
        .write(SQL_LOCK_PATIENCE, connection -> applyScripts(connection));
    out.println("DuckDB scripts:        " + statements + " statements from " + options.sqlDir());
    // The mirror of the dynamic tables follows the raw rows on the target lag, in short
    // transactions that leave the sink room to flush between them.
    mirror = track(new DuckDbRefresher(new DuckDbFile(data.duckDbFile()),
        MirrorRefresh.load(options.sqlDir().resolve("refresh"), MIRROR_BATCH_ROWS), options.targetLag()));
    mirror.start();
    out.println("DuckDB mirror:         refreshed every " + options.targetLag().toMillis() + " ms from the raw tables");

    // The dashboard comes first: a taken port fails the start at once, and the page can be opened
    // while the rest starts (its panels fill in as data lands).
    refresher = track(dashboardRefresher());
    refresher.start();
    dashboard = track(listening("dashboard", options.dashboardHost(), options.dashboardPort(), "quickstart.dashboard.port",
        () -> DashboardServer.start(options.dashboardHost(), options.dashboardPort(), refresher::snapshotJson)));

    feed = track(listening("demo clickstream API", "127.0.0.1", options.apiPort(), "quickstart.api.port",
        () -> ClickstreamFeed.start(data.clickstreamFeedFile(), options.apiPort(), Clock.systemUTC())));
    ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "clickstream-position");
      thread.setDaemon(true);
      return thread;
    });
    saver.scheduleWithFixedDelay(feed::savePosition, FEED_SAVE_SECONDS, FEED_SAVE_SECONDS, TimeUnit.SECONDS);
    track(saver::shutdownNow);
    out.println("Demo clickstream API:  " + feed.baseUrl() + "/v1/events (" + feed.published() + " events published)");

    out.println("Starting the Kafka broker and the Connect worker...");
    cluster = track(ConnectCluster.builder()
        .exactlyOnceSource(true)
        .childProcess(true)
        .dataDirectory(data.root())
        .build());
    cluster.start();
    stopIfClosedDuring(cluster);
    out.println("Kafka broker:          " + cluster.kafka().bootstrapServers());
    out.println("Connect REST API:      " + cluster.worker().restUrl());

    registerConnectors();

    out.println("DuckDB file:           " + data.duckDbFile() + " (readers: duckdb -readonly <file>)");
    out.println("Dashboard:             " + dashboardUrl());
  }

  /**
   * Reads the panels from the DuckDB file, or from Snowflake once a first login has shown that
   * the account, key and objects are right: a wrong setting stops the start here, within the
   * login timeout, rather than leaving a page of errors.
   */
  private DashboardRefresher dashboardRefresher() throws Exception {
    if (options.snowflake().isEmpty()) {
      return new DashboardRefresher(new DuckDbFile(data.duckDbFile()), DASHBOARD_REFRESH, Clock.systemUTC());
    }
    SnowflakePanelSource snowflake =
        track(new SnowflakePanelSource(options.snowflake().get(), SnowflakePanelSource.Driver.snowflake()));
    out.println("Signing in to Snowflake (" + options.snowflake().get().describe() + ")...");
    snowflake.check();
    out.println("Dashboard source:      " + snowflake.description());
    return new DashboardRefresher(snowflake, SNOWFLAKE_DASHBOARD_REFRESH, Clock.systemUTC());
  }

  /** Something that binds a port when started. */
  @FunctionalInterface
  private interface Listener<T> {
    T start() throws IOException;
  }

  /** Starts {@code listener}, turning a taken port into a message that says how to pick another. */
  private static <T> T listening(String what, String host, int port, String property, Listener<T> listener)
      throws IOException {
    try {
      return listener.start();
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
      if (cause instanceof BindException) {
        throw new IOException("the " + what + " cannot listen on " + host + ":" + port + " (" + cause.getMessage()
            + "); choose another port with -D" + property + "=<port>", e);
      }
      throw e;
    }
  }

  private int applyScripts(Connection connection) throws SQLException {
    try {
      return SqlScripts.apply(connection, options.sqlDir());
    } catch (IOException e) {
      throw new SQLException("cannot read the scripts in " + options.sqlDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A stop requested while the worker was starting may have found no worker process to stop yet:
   * stop it now, so that no worker outlives the quickstart.
   */
  private void stopIfClosedDuring(AutoCloseable part) throws Exception {
    boolean stopping;
    synchronized (started) {
      stopping = closing;
    }
    if (stopping) {
      part.close();
      throw new IllegalStateException("the quickstart is stopping");
    }
  }

  private void registerConnectors() throws Exception {
    ConnectorRegistrar registrar = new ConnectorRegistrar(cluster.rest());
    List<ConnectorRegistrar.Registration> registrations = new ArrayList<>();
    for (String name : options.connectorFiles()) {
      Path file = options.configDir().resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException("Connector file " + file.toAbsolutePath() + " does not exist");
      }
      ConnectorRegistrar.Registration asFiled = ConnectorRegistrar.read(file);
      ConnectorRegistrar.Registration registration = asFiled.overriding(localSettings(asFiled.config()));
      registrations.add(registration);
      registrar.register(registration);
    }
    for (ConnectorRegistrar.Registration registration : registrations) {
      registrar.awaitRunning(registration.name(), CONNECTOR_START_TIMEOUT);
      connectors.add(registration.name());
      out.println("Connector running:     " + registration.name() + " (" + options.configDir().relativize(registration.file())
          + ")");
    }
  }

  /** What the files of config/ say for a shared machine, set for this stack instead. */
  private Map<String, String> localSettings(Map<String, String> asFiled) {
    String url = asFiled.get("http.url");
    String localUrl = url == null ? "" : rebase(URI.create(url), URI.create(feed.baseUrl()));
    return Map.of(
        "duckdb.path", data.duckDbFile().toString(),
        "sim.speedup", options.atsSpeedup(),
        "http.url", localUrl);
  }

  /** {@code url} with the scheme, host and port of {@code origin}, keeping path and query. */
  static String rebase(URI url, URI origin) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    return origin.getScheme() + "://" + origin.getRawAuthority() + path + query;
  }

  /** e.g. {@code http://localhost:8088/}. */
  public String dashboardUrl() {
    String host = options.dashboardHost();
    boolean local = host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("localhost");
    return "http://" + (local ? "localhost" : host) + ":" + dashboard.port() + "/";
  }

  public int dashboardPort() {
    return dashboard.port();
  }

  public URI connectRestUrl() {
    return cluster.worker().restUrl();
  }

  public ConnectCluster cluster() {
    return cluster;
  }

  public String clickstreamApiUrl() {
    return feed.baseUrl();
  }

  public DataDirectory dataDirectory() {
    return data;
  }

  /** The names of the connectors registered and running. */
  public List<String> connectors() {
    return List.copyOf(connectors);
  }

  public DashboardRefresher refresher() {
    return refresher;
  }

  /** Keeps the DuckDB mirror of the dynamic tables up to date. */
  public DuckDbRefresher mirror() {
    return mirror;
  }

  /**
   * Stops in reverse order of start. The worker stops before the broker (so it can commit its
   * offsets) and before the demo API (so the HTTP source's last poll still gets an answer).
   */
  @Override
  public void close() {
    while (true) {
      AutoCloseable next;
      synchronized (started) {
        closing = true;
        next = started.poll();
      }
      if (next == null) {
        return;
      }
      try {
        next.close();
      } catch (Exception e) {
        out.println("While stopping: " + e);
      }
    }
  }
}
