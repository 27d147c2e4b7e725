package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.demoapi.ClickEvent;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.sql.AtsFixture.Event;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * sql/duckdb on what the real pipeline lands: the ATS source (bounded, sped up) and the HTTP source
 * reading the demo API feed both go through Kafka with exactly-once sources into the DuckDB sink,
 * and every view must agree with the same independent Java computations that {@link
 * DuckDbViewsTest} uses, fed with the events as the topics hold them and the rows the sink landed.
 *
 * <p>The connector classes are not on this test's class path (the worker loads them from the
 * plugin path), so the train events are read from the topic as JSON rather than simulated here.
 */
class PipelineViewsIT {

  /** Averages over a few thousand doubles: DuckDB may sum them in another order, well within this. */
  private static final RowAssert ROWS = new RowAssert(1e-9);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Two shared cores under load: starting tasks and flushing can take a while. */
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private static final String ATS_TOPIC = AtsFixture.TOPIC;
  private static final String CLICK_TOPIC = ClickstreamFixture.TOPIC;
  private static final int TICKS = 120;
  private static final int CLICK_EVENTS = 3_000;
  private static final String SINK = "variant-sink-duckdb";

  // A worker in its own process: the sink's DuckDB lock then belongs to another process than this
  // test's readers, as in the quickstart, so a read-only connection here can coexist with it.
  @RegisterExtension
  static final ConnectCluster CONNECT =
      ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  @TempDir static Path dir;

  private static DemoClickstreamApi api;

  @BeforeAll
  static void startApi() {
    // The whole feed is published at start (initial = max), so the source reads a complete,
    // fixed set of events; late evening at 0.5 events/s so it crosses midnight.
    api = DemoClickstreamApi.start(DemoApiConfig.builder()
        .port(0)
        .seed(7)
        .start(ClickstreamFixture.START)
        .eventsPerSecond(0.5)
        .initialEvents(CLICK_EVENTS)
        .maxEvents(CLICK_EVENTS)
        .users(150)
        .build());
  }

  @AfterAll
  static void stopApi() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void everyViewMatchesAnIndependentComputationOnWhatThePipelineLanded() throws Exception {
    Path file = dir.resolve("variant.duckdb");
    CONNECT.rest().putConfig("ats-source", atsSource());
    CONNECT.rest().putConfig("clickstream-http-source", httpSource());
    CONNECT.rest().putConfig(SINK, sink(file));

    List<Event> atsEvents = awaitAllTicks();
    List<ClickEvent> clickEvents = api.events(0, CLICK_EVENTS);
    assertThat(clickEvents).hasSize(CLICK_EVENTS);

    DuckDbFile duck = new DuckDbFile(file);
    Awaits.until(PATIENCE, "every event of both feeds in " + file, () -> {
      Map<String, Long> landed = read(duck, c -> Map.of(
          "ats", Rows.count(c, "SELECT count(DISTINCT RECORD_CONTENT->>'event_id') FROM ATS_RAW_JSON"),
          "clicks", Rows.count(c, "SELECT count(DISTINCT RECORD_CONTENT->>'event_id') FROM CLICKSTREAM_RAW")));
      return landed.get("ats") == atsEvents.size() && landed.get("clicks") == CLICK_EVENTS;
    });
    // The views are applied with a read-write connection, which needs the sink's lock released.
    CONNECT.rest().delete(SINK);
    Awaits.until(PATIENCE, SINK + " deleted", () -> !CONNECT.rest().connectors().contains(SINK));

    try (Connection connection = openReadWrite(file)) {
      List<SinkRow> atsRows = landedRows(connection, "ATS_RAW_JSON");
      List<SinkRow> clickRows = landedRows(connection, "CLICKSTREAM_RAW");
      // The metadata must name the records as Kafka holds them, or the kafka_* columns mean nothing.
      assertMetadataMatchesTopic(atsRows, ATS_TOPIC);
      assertMetadataMatchesTopic(clickRows, CLICK_TOPIC);
      assertThat(clickRows).extracting(SinkRow::eventId)
          .containsAll(clickEvents.stream().map(ClickEvent::eventId).toList());

      SqlScripts.apply(connection, SqlDirectory.duckdb());
      Mirror.refresh(connection, 500);

      AtsFixture ats = new AtsFixture(atsEvents, atsRows);
      assertThat(ats.events).extracting(Event::status).contains("RUNNING", "DELAYED", "OUT_OF_SERVICE");
      new AtsViewsCheck(connection, ROWS).verifyAll(ats);
      new ClickstreamViewsCheck(connection, ROWS).verifyAll(new ClickstreamFixture(clickEvents, clickRows));
    }
  }

  /**
   * Every tick of every train, as committed to the topic: the bounded source has finished when each
   * train of both lines has {@link #TICKS} events.
   */
  private static List<Event> awaitAllTicks() {
    return Awaits.value(PATIENCE, TICKS + " ticks of every train in " + ATS_TOPIC,
        () -> CONNECT.topicReader().readToEnd(ATS_TOPIC).stream().map(r -> Event.fromJson(json(r.value())))
            .toList(),
        events -> {
          Map<String, Long> perTrain = events.stream()
              .collect(Collectors.groupingBy(Event::trainId, Collectors.counting()));
          Set<String> lines = events.stream().map(Event::lineId).collect(Collectors.toSet());
          long distinct = events.stream().map(Event::eventId).distinct().count();
          return lines.size() == 2
              && perTrain.values().stream().allMatch(n -> n == TICKS)
              && distinct == (long) perTrain.size() * TICKS;
        });
  }

  private static void assertMetadataMatchesTopic(List<SinkRow> rows, String topic) {
    // One read of the topic has been seen to stop short of records the sink already landed, so
    // read again until every landed event is there (a missing one still fails, after the wait).
    Set<String> landed = rows.stream().map(SinkRow::eventId).collect(Collectors.toSet());
    Map<String, ConsumerRecord<String, String>> byEventId = Awaits.value(PATIENCE,
        "every landed event in " + topic, () -> {
          Map<String, ConsumerRecord<String, String>> records = new HashMap<>();
          for (ConsumerRecord<String, String> record : CONNECT.topicReader().readToEnd(topic)) {
            records.put(json(record.value()).path("event_id").asText(), record);
          }
          return records;
        }, records -> records.keySet().containsAll(landed));
    assertThat(rows).as("rows of %s", topic).isNotEmpty();
    for (SinkRow row : rows) {
      ConsumerRecord<String, String> record = byEventId.get(row.eventId());
      assertThat(record).as("record of event %s among %s: %s", row.eventId(), byEventId.size(),
          byEventId.keySet().stream().limit(3).toList()).isNotNull();
      assertThat(List.of(row.topic(), (long) row.partition(), row.offset(), row.createTimeMs(), row.key()))
          .as("metadata of event %s", row.eventId())
          .isEqualTo(List.of(record.topic(), (long) record.partition(), record.offset(), record.timestamp(),
              record.key()));
      assertThat(json(row.content())).isEqualTo(json(record.value()));
    }
  }

  private static List<SinkRow> landedRows(Connection connection, String table) throws SQLException {
    List<SinkRow> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT RECORD_METADATA::VARCHAR, RECORD_CONTENT::VARCHAR FROM " + table)) {
      while (result.next()) {
        JsonNode meta = json(result.getString(1));
        String content = result.getString(2);
        Map<String, String> headers = new LinkedHashMap<>();
        meta.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        rows.add(new SinkRow(meta.path("topic").asText(), meta.path("partition").asInt(),
            meta.path("offset").asLong(), meta.path("CreateTime").asLong(),
            meta.path("key").isNull() ? null : meta.path("key").asText(), headers,
            json(content).path("event_id").asText(), content));
      }
    }
    return rows;
  }

  private static Map<String, String> atsSource() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "io.github.variantconnect.ats.AtsSourceConnector");
    config.put("tasks.max", "2");
    config.put("topic", ATS_TOPIC);
    config.put("alerts.topic", "");
    config.put("lines", "L1,L2");
    config.put("tick.interval", "30s");
    // A bounded run as fast as the worker goes, starting in the morning rush: several hours.
    // Recent, so the records' timestamps (the event times) stay inside the topic's time-based
    // retention while the test reads them back.
    config.put("sim.start", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
        .minus(java.time.Duration.ofHours(3)).toString());
    config.put("sim.speedup", "1e9");
    config.put("sim.max.ticks", Integer.toString(TICKS));
    // Far above the defaults, so a short run has DELAYED and OUT_OF_SERVICE trains.
    config.put("incidents.per.train.per.day", "40");
    config.put("out.of.service.per.train.per.day", "15");
    config.put("random.seed", "11");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }

  /** As config/clickstream-http-source.json, pointed at this test's demo API. */
  private static Map<String, String> httpSource() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "io.github.variantconnect.http.HttpSourceConnector");
    config.put("tasks.max", "1");
    config.put("http.url", api.baseUrl() + "/v1/events");
    config.put("topic", CLICK_TOPIC);
    config.put("pagination.mode", "cursor");
    config.put("pagination.limit", "1000");
    config.put("pagination.cursor.pointer", "/next_cursor");
    config.put("pagination.has.more.pointer", "/has_more");
    config.put("poll.interval", "100ms");
    config.put("records.pointer", "/data");
    config.put("record.key.pointer", "/session_id");
    config.put("record.id.pointer", "/event_id");
    config.put("record.timestamp.pointer", "/event_time");
    config.put("record.timestamp.format", "iso8601");
    config.put("record.value.format", "schemaless");
    config.put("auth.type", "none");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }

  /** As config/variant-sink-duckdb.json, writing to this test's file. */
  private static Map<String, String> sink(Path file) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "io.github.variantconnect.sink.VariantSinkConnector");
    config.put("tasks.max", "1");
    config.put("topics", ATS_TOPIC + "," + CLICK_TOPIC);
    config.put("variant.target", "duckdb");
    config.put("duckdb.path", file.toString());
    config.put("topic2table.map", ATS_TOPIC + ":ATS_RAW_JSON," + CLICK_TOPIC + ":CLICKSTREAM_RAW");
    config.put("buffer.count.records", "10000");
    config.put("buffer.size.bytes", "5000000");
    config.put("buffer.flush.time.ms", "250");
    config.put("behavior.on.null.values", "DEFAULT");
    config.put("snowflake.metadata.all", "true");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    // The sources write JSON text; the sink stores it as it is.
    config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    // Only what the sources committed: the views see no record of an aborted transaction.
    config.put("consumer.override.isolation.level", "read_committed");
    return config;
  }

  /** A short read-only look; lock conflicts with the sink's flushes surface as retried exceptions. */
  private static <T> T read(DuckDbFile duck, DuckDbFile.Work<T> work) {
    try {
      return duck.read(Duration.ofSeconds(10), work);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The sink task may still be closing its connection just after the connector is gone. */
  private static Connection openReadWrite(Path file) {
    return Awaits.value(Duration.ofMinutes(1), "a read-write connection to " + file, () -> {
      try {
        return DriverManager.getConnection("jdbc:duckdb:" + file);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }, connection -> connection != null);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
