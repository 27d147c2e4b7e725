package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.demoapi.Faults;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.duckdb.DuckDbReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The whole bundle at work: the ATS source and the HTTP source (polling one or more demo APIs, one
 * endpoint each) write their topics, and the sink lands both in one DuckDB file. Both streams end —
 * when their size is reached, or earlier when a test ends them — so the events produced are known
 * exactly: trains × ticks, and each API's {@code maxEvents}.
 */
final class Pipeline implements AutoCloseable {

  /** Both topics have two partitions, so each of the sink's two tasks has work. */
  private static final int PARTITIONS = 2;
  private static final int SINK_TASKS = 2;
  /** Newest events each demo API retains: enough for a source that is far behind, with headroom. */
  private static final int API_WINDOW = 200_000;
  private static final long FIRST_SEED = 42;

  private final String name;
  private long ticks;
  private final double ticksPerSecond;
  private final double atsMaxEventsPerSecond;
  private final int atsTasks;
  private final Instant fixedStart;
  private final String[] httpSettings;
  private final List<DemoClickstreamApi> apis = new ArrayList<>();
  private final List<SteerableClock> clocks = new ArrayList<>();
  private final Path file;
  private final DuckDbReader reader;

  private Pipeline(Builder b) {
    this.name = b.name;
    this.ticks = b.ticks;
    this.ticksPerSecond = b.ticksPerSecond;
    this.atsMaxEventsPerSecond = b.atsMaxEventsPerSecond;
    this.atsTasks = b.atsTasks;
    this.fixedStart = b.fixedStart;
    this.httpSettings = b.httpSettings;
    this.file = freshDuckDbFile(b.name);
    this.reader = new DuckDbReader(file);
    for (int i = 0; i < b.apis; i++) {
      SteerableClock clock = new SteerableClock();
      clocks.add(clock);
      // One seed per API: event ids (evt-<seed>-<seq>) never collide between them.
      apis.add(DemoClickstreamApi.start(DemoApiConfig.builder()
          .clock(clock)
          .start(b.fixedStart)
          .faults(b.faults)
          .seed(FIRST_SEED + i)
          .eventsPerSecond(b.clicksPerSecond / b.apis)
          .initialEvents(b.initialClicks / b.apis)
          .maxEvents(b.clicksPerApi)
          .window(API_WINDOW)
          .build()));
    }
  }

  static Builder builder(String name) {
    return new Builder(name);
  }

  String name() {
    return name;
  }

  Path file() {
    return file;
  }

  String atsTopic() {
    return name + "-ats";
  }

  String clicksTopic() {
    return name + "-clicks";
  }

  String atsTable() {
    return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_ATS";
  }

  String clicksTable() {
    return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLICKS";
  }

  String atsConnector() {
    return name + "-ats";
  }

  String httpConnector() {
    return name + "-http";
  }

  String sinkConnector() {
    return name + "-sink";
  }

  List<String> connectors() {
    return List.of(atsConnector(), httpConnector(), sinkConnector());
  }

  DuckDbReader reader() {
    return reader;
  }

  List<DemoClickstreamApi> apis() {
    return apis;
  }

  long expectedAtsEvents() {
    return ConnectorConfigs.ATS_TRAINS * ticks;
  }

  long expectedClicks() {
    return apis.stream().mapToLong(api -> api.config().maxEvents()).sum();
  }

  long expectedEvents() {
    return expectedAtsEvents() + expectedClicks();
  }

  Map<String, String> atsConfig() {
    Map<String, String> config = ConnectorConfigs.ats(atsTopic(), atsTasks, ticks, ticksPerSecond);
    if (fixedStart != null) {
      config.put("sim.start", fixedStart.toString());
    }
    if (atsMaxEventsPerSecond > 0) {
      config.put("max.events.per.second", Double.toString(atsMaxEventsPerSecond));
    }
    return config;
  }

  /** One endpoint per API, so {@code tasks.max} up to the number of APIs spreads them. */
  Map<String, String> httpConfig() {
    Map<String, String> config = ConnectorConfigs.with(ConnectorConfigs.http(apis.get(0).baseUrl(), clicksTopic()), httpSettings);
    config.put("tasks.max", Integer.toString(apis.size()));
    if (apis.size() > 1) {
      List<String> endpoints = new ArrayList<>();
      config.put("http.url", "");
      for (int i = 0; i < apis.size(); i++) {
        String endpoint = "api" + i;
        endpoints.add(endpoint);
        config.put("http.endpoint." + endpoint + ".url", apis.get(i).baseUrl() + "/v1/events");
      }
      config.put("http.endpoints", String.join(",", endpoints));
    }
    return config;
  }

  Map<String, String> sinkConfig() {
    return ConnectorConfigs.duckDbSink(atsTopic() + "," + clicksTopic(), file,
        atsTopic() + ":" + atsTable() + "," + clicksTopic() + ":" + clicksTable(), SINK_TASKS);
  }

  /** Creates the topics and registers the three connectors. */
  void start(ConnectCluster connect) {
    connect.kafka().createTopic(atsTopic(), PARTITIONS);
    connect.kafka().createTopic(clicksTopic(), PARTITIONS);
    connect.rest().putConfig(sinkConnector(), sinkConfig());
    connect.rest().putConfig(atsConnector(), atsConfig());
    connect.rest().putConfig(httpConnector(), httpConfig());
  }

  void awaitRunning(ConnectCluster connect, Duration timeout) {
    connect.awaitRunning(atsConnector(), atsTasks, timeout);
    connect.awaitRunning(httpConnector(), apis.size(), timeout);
    connect.awaitRunning(sinkConnector(), SINK_TASKS, timeout);
  }

  /**
   * Awaits every task running again on live workers. A task that failed on the way — Connect does
   * not restart a task whose zombie-fencing request or producer failed — is restarted as an
   * operator would; the first line of its trace is returned, one per failure.
   */
  List<String> awaitRunningRestartingFailedTasks(ConnectCluster connect, Duration timeout) {
    List<String> traces = new ArrayList<>();
    Awaits.until(timeout, "every task of " + name + " running again", () -> {
      if (isRunning(connect)) {
        return true;
      }
      for (String connector : connectors()) {
        for (JsonNode task : connect.rest().status(connector).ok().body().path("tasks")) {
          if ("FAILED".equals(task.path("state").asText())) {
            traces.add(connector + "-" + task.path("id").asText() + ": "
                + task.path("trace").asText().lines().findFirst().orElse(""));
            connect.rest().restart(connector, true, true);
          }
        }
      }
      return false;
    });
    return traces;
  }

  /** All three connectors RUNNING with all their tasks on live workers, at this moment. */
  boolean isRunning(ConnectCluster connect) {
    return connect.isRunning(atsConnector(), atsTasks) && connect.isRunning(httpConnector(), apis.size())
        && connect.isRunning(sinkConnector(), SINK_TASKS);
  }

  /**
   * Ends the ATS run early: every train stops at {@code extraTicks} past the highest seq on the
   * topic so far, which leaves room for what is still on its way. The topic, not the table: the
   * sink may be far behind the source after a recovery, and trains would then run past the end
   * before the new config reached them. The connector restarts its tasks with the new
   * {@code sim.max.ticks}; each resumes from its stored offset.
   */
  void endAtsSoon(ConnectCluster connect, long extraTicks) {
    long highestSeq = connect.topicReader().readToEnd(atsTopic()).stream()
        .mapToLong(record -> EventIds.atsSeq(record.value())).max().orElse(-1L);
    ticks = highestSeq + 1 + extraTicks;
    connect.rest().putConfig(atsConnector(), atsConfig());
  }

  /** Ends the clickstream early: each API publishes the rest of its feed at once. */
  void publishRemainingClicksNow() {
    for (int i = 0; i < apis.size(); i++) {
      DemoClickstreamApi api = apis.get(i);
      long remaining = api.config().maxEvents() - api.headSeq();
      clocks.get(i).advance(Duration.ofMillis((long) Math.ceil(remaining * 1000.0 / api.config().eventsPerSecond()) + 1_000));
    }
  }

  /**
   * Ends both streams early (see {@link #endAtsSoon} and {@link #publishRemainingClicksNow}), awaits
   * every event in DuckDB and checks both the tables and the topics hold each exactly once.
   */
  void endEarlyAndAssertExactlyOnce(ConnectCluster connect, Duration timeout, Results results) {
    endAtsSoon(connect, 30);
    publishRemainingClicksNow();
    awaitAllRows(timeout);
    assertExactlyOnce();
    assertTopicsExactlyOnce(connect);
    results.line(String.format("%,d ATS events and %,d clickstream events landed once each", expectedAtsEvents(),
        expectedClicks()));
  }

  /** Rows in both tables now. */
  long rows() {
    return reader.count(atsTable()) + reader.count(clicksTable());
  }

  /** Awaits as many rows as events produced; a surplus shows up in {@link #assertExactlyOnce()}. */
  void awaitAllRows(Duration timeout) {
    Awaits.until(timeout, "all " + expectedEvents() + " events of " + name + " in DuckDB",
        () -> rows() >= expectedEvents());
  }

  /** Neither table holds an event twice, at this moment. */
  void assertNoDuplicateRows() {
    for (String table : List.of(atsTable(), clicksTable())) {
      DuckDbReader.RowCount count = reader.rowsAndDistinct(table, "event_id");
      assertThat(count.rows()).as("rows vs distinct event ids in %s", table).isEqualTo(count.distinct());
    }
  }

  /** Rows = distinct ids = events produced, and they are exactly the events produced. */
  void assertExactlyOnce() {
    DeliveryAudit audit = new DeliveryAudit(reader);
    audit.assertAtsComplete(atsTable(), ConnectorConfigs.ATS_TRAINS, ticks);
    audit.assertClickstreamComplete(clicksTable(), apis);
  }

  /**
   * The topics, read with read_committed as a downstream consumer would, hold every event once:
   * the sources, not only the sink, were exactly-once.
   */
  void assertTopicsExactlyOnce(ConnectCluster connect) {
    assertTopicExactlyOnce(connect, atsTopic(), expectedAtsEvents());
    assertTopicExactlyOnce(connect, clicksTopic(), expectedClicks());
  }

  private static void assertTopicExactlyOnce(ConnectCluster connect, String topic, long expected) {
    List<ConsumerRecord<String, String>> records = connect.topicReader().readToEnd(topic);
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, String> record : records) {
      ids.add(EventIds.of(record.value()));
    }
    assertThat(records.size()).as("committed records in %s", topic).isEqualTo(expected);
    assertThat(ids.size()).as("distinct event ids in %s", topic).isEqualTo(expected);
  }

  void deleteConnectors(ConnectCluster connect) {
    for (String connector : connectors()) {
      connect.rest().delete(connector);
    }
  }

  @Override
  public void close() {
    apis.forEach(DemoClickstreamApi::close);
  }

  /** A DuckDB file path under the build directory, with no file left from an earlier run. */
  static Path freshDuckDbFile(String name) {
    Path dir = Path.of(System.getProperty("variantconnect.build.dir", "target"), "reliability-duckdb");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(name + ".duckdb"));
      Files.deleteIfExists(dir.resolve(name + ".duckdb.wal"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve(name + ".duckdb").toAbsolutePath();
  }

  /** Sizes and rates of the two streams. */
  static final class Builder {
    private final String name;
    private long ticks = 100;
    private double ticksPerSecond = 1;
    private double atsMaxEventsPerSecond;
    private int atsTasks = 2;
    private int apis = 1;
    private double clicksPerSecond = 100;
    private long initialClicks = 1_000;
    private long clicksPerApi = 10_000;
    private Instant fixedStart;
    private Faults faults = Faults.none();
    private String[] httpSettings = new String[0];

    private Builder(String name) {
      this.name = name;
    }

    /** ATS: {@code ticks} events per train, {@code ticksPerSecond} ticks per wall second. */
    Builder ats(long ticks, double ticksPerSecond, int tasks) {
      this.ticks = ticks;
      this.ticksPerSecond = ticksPerSecond;
      this.atsTasks = tasks;
      return this;
    }

    /** ATS: at most this many events per second per task (0: unlimited). */
    Builder atsMaxEventsPerSecond(double perSecond) {
      this.atsMaxEventsPerSecond = perSecond;
      return this;
    }

    /**
     * Clickstream: {@code apis} demo APIs (one HTTP endpoint and task each), together publishing
     * {@code perSecond} events after a backlog of {@code initial}, each ending at {@code perApi}.
     */
    Builder clicks(int apis, long initial, double perSecond, long perApi) {
      this.apis = apis;
      this.initialClicks = initial;
      this.clicksPerSecond = perSecond;
      this.clicksPerApi = perApi;
      return this;
    }

    /**
     * Both streams start their event time at {@code start} instead of now: two pipelines built with
     * the same start, sizes and seeds produce byte-identical events, so a run can be compared with
     * a reference run event by event.
     */
    Builder fixedStart(Instant start) {
      this.fixedStart = start;
      return this;
    }

    /** Fault knobs of every demo API. */
    Builder apiFaults(Faults faults) {
      this.faults = faults;
      return this;
    }

    /** More settings of the HTTP source: {@code key1, value1, key2, value2, ...}. */
    Builder httpSettings(String... keyValues) {
      this.httpSettings = keyValues;
      return this;
    }

    Pipeline build() {
      return new Pipeline(this);
    }
  }
}
