package io.github.variantconnect.http.it;

import static io.github.variantconnect.http.it.DemoFeeds.bounded;
import static io.github.variantconnect.http.it.DemoFeeds.connector;
import static io.github.variantconnect.http.it.DemoFeeds.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.variantconnect.demoapi.ClickEvent;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.demoapi.WideNumbers;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP source feeding the real VARIANT sink into DuckDB, and crashes while pages are in flight.
 * The worker runs in its own JVM: it can be killed, and the test reads the DuckDB file as another
 * process, the way a dashboard does.
 */
class HttpSourceEndToEndIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true)
      .workerProperty("producer.transaction.timeout.ms", "10000").build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  private static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
  private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

  @Test
  void exactBigNumbersReachDuckDbDigitForDigitInEveryValueFormat() throws Exception {
    Path duckDb = Files.createDirectories(Path.of(System.getProperty("variantconnect.build.dir", "target"), "it-duckdb"))
        .resolve("exact-numbers-" + System.nanoTime() + ".duckdb").toAbsolutePath();
    long total = 1_500;
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(89, total, total, 1_000).build())) {
      String wide = api.baseUrl() + "/v1/events?fault.wide_numbers=1";
      CONNECT.rest().putConfig("numbers-schemaless", with(connector(api, "numbers-schemaless"), "http.url", wide,
          "value.converter", JSON_CONVERTER, "value.converter.schemas.enable", "false"));
      CONNECT.rest().putConfig("numbers-struct", with(connector(api, "numbers-struct"), "http.url", wide,
          "record.value.format", "struct", "value.converter", JSON_CONVERTER, "value.converter.schemas.enable", "false",
          "value.converter.decimal.format", "NUMERIC"));
      CONNECT.rest().putConfig("numbers-raw", with(connector(api, "numbers-raw"), "http.url", wide,
          "record.value.format", "raw", "value.converter", STRING_CONVERTER));
      CONNECT.rest().putConfig("numbers-sink", duckDbSink(duckDb));

      Map<String, Long> seqById = new HashMap<>();
      for (ClickEvent event : api.events(0, total)) {
        seqById.put(event.eventId(), event.seq());
      }
      for (String table : List.of("NUM_SCHEMALESS", "NUM_STRUCT", "NUM_RAW")) {
        List<String> contents = Awaits.value(TIMEOUT, total + " rows in " + table, () -> contents(duckDb, table),
            rows -> rows.size() >= total);
        assertThat(contents).as(table).hasSize((int) total);
        for (String content : contents) {
          JsonNode row = EXACT.readTree(content);
          long seq = seqById.get(row.path("event_id").asText());
          assertThat(row.path(WideNumbers.ORDER_REF).asText()).as("%s %s", table, WideNumbers.ORDER_REF)
              .isEqualTo(WideNumbers.orderRef(seq).toString());
          assertThat(row.path(WideNumbers.AMOUNT_EXACT).asText()).as("%s %s", table, WideNumbers.AMOUNT_EXACT)
              .isEqualTo(WideNumbers.amountExact(seq).toString());
        }
      }
      for (String name : List.of("numbers-schemaless", "numbers-struct", "numbers-raw", "numbers-sink")) {
        CONNECT.rest().delete(name);
      }
    }
  }

  @Test
  void aCrashWithSeveralPagesInFlightDeliversEveryIdExactlyOnce() {
    long total = 24_000;
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(97, 2_000, total, 1_000).build())) {
      CONNECT.rest().putConfig("ahead-offset", with(connector(api, "ahead-offset"), "pagination.mode", "offset",
          "pagination.limit", "200", "pagination.pages.ahead", "4"));
      CONNECT.rest().putConfig("ahead-cursor", with(connector(api, "ahead-cursor"), "pagination.limit", "200"));
      CONNECT.awaitRunning("ahead-offset", 1, TIMEOUT);
      CONNECT.awaitRunning("ahead-cursor", 1, TIMEOUT);

      int seen = 0;
      for (int kill = 1; kill <= 2; kill++) {
        seen = CONNECT.topicReader().awaitRecords("ahead-offset", seen + 2_000, TIMEOUT).size();
        CONNECT.killAndRestartWorker();
        CONNECT.awaitRunning("ahead-offset", 1, TIMEOUT);
        CONNECT.awaitRunning("ahead-cursor", 1, TIMEOUT);
      }

      api.awaitPublished(total, TIMEOUT);
      Map<String, JsonNode> truth = DemoFeeds.truth(api);
      DeliveredEvents.assertExactlyOnce(CONNECT, "ahead-offset", truth, TIMEOUT);
      DeliveredEvents.assertExactlyOnce(CONNECT, "ahead-cursor", truth, TIMEOUT);
    }
  }

  private static Map<String, String> duckDbSink(Path duckDb) {
    Map<String, String> sink = new HashMap<>();
    sink.put("connector.class", "io.github.variantconnect.sink.VariantSinkConnector");
    sink.put("tasks.max", "1");
    sink.put("topics", "numbers-schemaless,numbers-struct,numbers-raw");
    sink.put("variant.target", "duckdb");
    sink.put("duckdb.path", duckDb.toString());
    sink.put("topic2table.map", "numbers-schemaless:NUM_SCHEMALESS,numbers-struct:NUM_STRUCT,numbers-raw:NUM_RAW");
    sink.put("buffer.flush.time.ms", "250");
    sink.put("key.converter", STRING_CONVERTER);
    // As the shipped sink config: the topic's JSON text lands as it is.
    sink.put("value.converter", STRING_CONVERTER);
    sink.put("consumer.override.isolation.level", "read_committed");
    return sink;
  }

  /** RECORD_CONTENT of every row as text; empty while the file or table is missing or locked by a flush. */
  private static List<String> contents(Path file, String table) {
    List<String> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, props); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT RECORD_CONTENT::VARCHAR FROM \"" + table + "\"")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.contains("lock") && !message.contains("does not exist")) {
        throw new IllegalStateException("reading " + table + " from " + file + ": " + message, e);
      }
      out.clear();
    }
    return out;
  }
}
