package io.github.variantconnect.reliability;

import static io.github.variantconnect.reliability.ConnectorConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.ConnectRestClient;
import io.github.variantconnect.testkit.duckdb.DuckDbReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input meant to break things: records that are not JSON or too large, configs with wrong values,
 * and table, topic and connector names written to smuggle SQL. Bad records end in the dead-letter
 * queue with their reason; bad configs fail validation on the key at fault; hostile names are refused
 * or stored as plain data, and the DuckDB file never runs a statement they carry.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BadInputIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final String VICTIM = "VICTIM";
  /** Hostile names aim at this table; it must survive every test. */
  private static Path duckDb;

  @BeforeAll
  static void createTheVictimTable() throws SQLException {
    duckDb = Pipeline.freshDuckDbFile("bad-input");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckDb); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + VICTIM + " (v INTEGER)");
      s.execute("INSERT INTO " + VICTIM + " VALUES (42)");
    }
  }

  // ---- poison records ----------------------------------------------------------------------

  /** What a producer wrote, by offset: three good records among six kinds of poison. */
  private static final List<String> POISON_TOPIC_VALUES = List.of(
      "{\"n\":1}",
      "this is not json",
      "{\"n\":",
      "{\"n\":2}",
      "{\"a\":1} {\"b\":2}",
      "{\"big\":\"" + "x".repeat(20_000) + "\"}",
      "[".repeat(4_000) + "]".repeat(4_000),
      "",
      "{\"n\":3}");

  @BeforeAll
  static void producePoison() {
    CONNECT.kafka().createTopic("poison", 1);
    RawProducer.send(CONNECT.kafka().bootstrapServers(), "poison",
        POISON_TOPIC_VALUES.stream().map(BadInputIT::utf8).toList());
  }

  private static Map<String, String> tolerantSink(String dlq, String table) {
    return with(ConnectorConfigs.duckDbSink("poison", duckDb, "poison:" + table, 1),
        "variant.max.content.bytes", "10000",
        "errors.tolerance", "all",
        "errors.deadletterqueue.topic.name", dlq,
        "errors.deadletterqueue.topic.replication.factor", "1",
        "errors.deadletterqueue.context.headers.enable", "true");
  }

  @Test
  void poisonTheSinkRejectsGoesToTheDeadLetterQueueWithItsReason() {
    CONNECT.rest().putConfig("poison-text", tolerantSink("poison-text-dlq", "POISON_TEXT"));

    List<ConsumerRecord<String, String>> dead = CONNECT.topicReader().awaitRecords("poison-text-dlq", 6, TIMEOUT);
    DuckDbReader reader = new DuckDbReader(duckDb);
    Awaits.until(TIMEOUT, "the good records in DuckDB", () -> reader.count("POISON_TEXT") >= 3);
    CONNECT.awaitRunning("poison-text", 1, TIMEOUT);

    assertThat(dead).extracting(r -> DeadLetters.header(r, DeadLetters.ORIGINAL_OFFSET))
        .containsExactly("1", "2", "4", "5", "6", "7");
    assertThat(dead).allSatisfy(r -> {
      assertThat(DeadLetters.header(r, DeadLetters.ORIGINAL_TOPIC)).isEqualTo("poison");
      assertThat(DeadLetters.header(r, DeadLetters.STAGE)).isEqualTo("TASK_PUT");
      assertThat(r.value()).isEqualTo(POISON_TOPIC_VALUES.get(Integer.parseInt(DeadLetters.header(r, DeadLetters.ORIGINAL_OFFSET))));
    });
    assertThat(reasons(dead)).containsExactly(
        "[VS-101] Record value is not valid JSON: not valid JSON (syntax error at line 1, column 5)",
        "[VS-101] Record value is not valid JSON: not valid JSON (syntax error at line 1, column 6)",
        "[VS-101] Record value is not valid JSON: more than one JSON value (trailing content at line 1, column 10)",
        "[VS-102] Record value is larger than the target accepts: 20010 bytes, the limit is 10000",
        "[VS-101] Record value is not valid JSON: JSON exceeds a parser limit: Document nesting depth (1001) exceeds the"
            + " maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)",
        "[VS-101] Record value is not valid JSON: empty, not a JSON document");
    assertThat(reader.read(c -> DuckDbReader.strings(c, "SELECT RECORD_CONTENT->>'$.n' FROM POISON_TEXT ORDER BY 1"), List.of()))
        .containsExactly("1", "2", "3");
    CONNECT.rest().delete("poison-text");
    assertVictimUntouched();
  }

  /**
   * Through the JsonConverter, what is not JSON fails in the converter and reaches the queue with
   * the converter's reason; the sink still rejects what is too large. Two documents and an empty value
   * are the converter's call: it reads the first document, and takes empty as a null value (a {} row).
   */
  @Test
  void poisonTheConverterRejectsGoesToTheDeadLetterQueueWithItsReason() {
    CONNECT.rest().putConfig("poison-json", with(tolerantSink("poison-json-dlq", "POISON_JSON"),
        "value.converter", ConnectorConfigs.JSON_CONVERTER, "value.converter.schemas.enable", "false"));

    CONNECT.topicReader().awaitRecords("poison-json-dlq", 4, TIMEOUT);
    DuckDbReader reader = new DuckDbReader(duckDb);
    Awaits.until(TIMEOUT, "the accepted records in DuckDB", () -> reader.count("POISON_JSON") >= 5);
    CONNECT.awaitRunning("poison-json", 1, TIMEOUT);

    Map<String, ConsumerRecord<String, String>> dead = new TreeMap<>();
    CONNECT.topicReader().readToEnd("poison-json-dlq")
        .forEach(r -> dead.put(DeadLetters.header(r, DeadLetters.ORIGINAL_OFFSET), r));
    assertThat(dead).containsOnlyKeys("1", "2", "5", "6");
    for (String offset : List.of("1", "2", "6")) {
      assertThat(DeadLetters.header(dead.get(offset), DeadLetters.STAGE)).isEqualTo("VALUE_CONVERTER");
      assertThat(DeadLetters.header(dead.get(offset), DeadLetters.EXCEPTION_MESSAGE))
          .startsWith("Converting byte[] to Kafka Connect data failed due to serialization error");
    }
    assertThat(DeadLetters.header(dead.get("5"), DeadLetters.STAGE)).isEqualTo("TASK_PUT");
    assertThat(DeadLetters.header(dead.get("5"), DeadLetters.EXCEPTION_MESSAGE))
        .isEqualTo("[VS-102] Record value is larger than the target accepts: 20010 bytes, the limit is 10000");
    assertThat(reader.read(c -> DuckDbReader.strings(c,
            "SELECT (RECORD_METADATA->>'$.offset') || ' ' || RECORD_CONTENT FROM POISON_JSON ORDER BY 1"), List.of()))
        .containsExactly("0 {\"n\":1}", "3 {\"n\":2}", "4 {\"a\":1}", "7 {}", "8 {\"n\":3}");
    CONNECT.rest().delete("poison-json");
    assertVictimUntouched();
  }

  private static List<String> reasons(List<ConsumerRecord<String, String>> dead) {
    return dead.stream().map(r -> DeadLetters.header(r, DeadLetters.EXCEPTION_MESSAGE)).toList();
  }

  // ---- invalid configs ---------------------------------------------------------------------

  static Stream<Arguments> invalidConfigs() {
    Map<String, String> ats = ConnectorConfigs.ats("t", 1, 10, 1);
    Map<String, String> http = ConnectorConfigs.http("http://127.0.0.1:9", "t");
    Map<String, String> sink = ConnectorConfigs.duckDbSink("t", Path.of("/tmp/variant-connect-validate.duckdb"), "t:T", 1);
    return Stream.of(
        Arguments.of(ConnectorConfigs.ATS, ats, "tasks.max", "500", "use at most 115 tasks"),
        Arguments.of(ConnectorConfigs.ATS, ats, "tick.interval", "50ms", "must be at least 100ms"),
        Arguments.of(ConnectorConfigs.ATS, ats, "tick.interval", "soon", "'soon' is not a duration"),
        Arguments.of(ConnectorConfigs.ATS, ats, "sim.speedup", "-1", "Value must be at least 0.001"),
        Arguments.of(ConnectorConfigs.ATS, ats, "sim.start", "yesterday", "must be an ISO-8601 UTC instant"),
        Arguments.of(ConnectorConfigs.ATS, ats, "sim.max.ticks", "-3", "Value must be at least 0"),
        Arguments.of(ConnectorConfigs.ATS, ats, "lines", "NO-SUCH-LINE", "unknown line 'NO-SUCH-LINE'"),
        Arguments.of(ConnectorConfigs.ATS, ats, "network.file", "/no/such/network.json", "cannot read network file /no/such/network.json"),
        Arguments.of(ConnectorConfigs.ATS, ats, "batch.size", "0", "Value must be at least 1"),
        Arguments.of(ConnectorConfigs.ATS, ats, "max.events.per.second", "-5", "Value must be at least 0.0"),
        Arguments.of(ConnectorConfigs.ATS, ats, "topic", "", "is not a legal topic name"),
        Arguments.of(ConnectorConfigs.ATS, ats, "alerts.topic", "ats alerts", "is not a legal topic name"),
        Arguments.of(ConnectorConfigs.HTTP, http, "http.url", "ftp://127.0.0.1/events", "must be an absolute http:// or https:// URL"),
        Arguments.of(ConnectorConfigs.HTTP, http, "http.url", "not a url", "is not a valid URL"),
        Arguments.of(ConnectorConfigs.HTTP, http, "pagination.mode", "sideways", "must be one of none, cursor, next_link, link_header, page, offset"),
        Arguments.of(ConnectorConfigs.HTTP, http, "pagination.limit", "0", "Value must be at least 1"),
        Arguments.of(ConnectorConfigs.HTTP, http, "poll.interval", "5ms", "must be at least 10ms"),
        Arguments.of(ConnectorConfigs.HTTP, http, "retry.statuses", "429,abc", "'abc' is not an HTTP status code"),
        Arguments.of(ConnectorConfigs.HTTP, http, "http.max.response.bytes", "10", "Value must be at least 1024"),
        Arguments.of(ConnectorConfigs.HTTP, http, "records.pointer", "data", "is not a JSON pointer: it must start with '/'"),
        Arguments.of(ConnectorConfigs.HTTP, http, "record.timestamp.format", "yyyy-MM-dd HH:mm:ss QQQQQQ", "is not a java.time pattern"),
        Arguments.of(ConnectorConfigs.HTTP, http, "http.endpoints", "good,bad name", "endpoint name 'bad name' may hold only letters, digits"),
        Arguments.of(ConnectorConfigs.HTTP, http, "http.headers", "no colon here", "must be written Name: value"),
        Arguments.of(ConnectorConfigs.HTTP, http, "auth.type", "kerberos", "must be one of none, basic, bearer, api_key, oauth2"),
        Arguments.of(ConnectorConfigs.HTTP, with(http, "auth.type", "oauth2", "auth.oauth2.token.url", "http://127.0.0.1:9/token",
            "auth.oauth2.client.id", "c", "auth.oauth2.client.secret", "s"), "auth.oauth2.token.url", "",
            "oauth2 auth needs the token endpoint URL"),
        Arguments.of(ConnectorConfigs.SINK, sink, "topic2table.map", "t:T,t", "entry 't' is not of the form topic:table"),
        Arguments.of(ConnectorConfigs.SINK, sink, "duckdb.path", "relative/file.duckdb", "must be an absolute path"),
        Arguments.of(ConnectorConfigs.SINK, sink, "duckdb.path", "", "duckdb.path is required with variant.target=duckdb"),
        Arguments.of(ConnectorConfigs.SINK, sink, "buffer.flush.time", "0", "Value must be at least 1"),
        Arguments.of(ConnectorConfigs.SINK, sink, "buffer.count.records", "-1", "Value must be at least 1"),
        Arguments.of(ConnectorConfigs.SINK, sink, "variant.target", "oracle", "String must be one of"),
        Arguments.of(ConnectorConfigs.SINK, sink, "behavior.on.null.values", "explode", "must be one of default, ignore"),
        Arguments.of(ConnectorConfigs.SINK, sink, "variant.max.content.bytes", "0", "Value must be at least 1"));
  }

  @ParameterizedTest(name = "{2}={3}")
  @MethodSource("invalidConfigs")
  void invalidConfigsFailValidationNamingTheKey(
      String connectorClass, Map<String, String> valid, String key, String bad, String explanation) {
    assertThat(CONNECT.rest().validationErrors(connectorClass, valid)).as("the valid config").isEmpty();
    Map<String, List<String>> errors = CONNECT.rest().validationErrors(connectorClass, with(valid, key, bad));
    assertThat(errors).as("validation errors").containsOnlyKeys(key);
    assertThat(errors.get(key)).singleElement().asString().contains(explanation);
  }

  // ---- hostile names -----------------------------------------------------------------------

  static Stream<String> hostileTableNames() {
    return Stream.of(
        "x\"; DROP TABLE " + VICTIM + "; --",
        VICTIM + "; DROP TABLE " + VICTIM,
        "a'b",
        "T\" (RECORD_METADATA JSON); DROP TABLE " + VICTIM + "; CREATE TABLE \"U",
        "t\u202Eelbat",
        "t\u200Bx",
        "T\nDROP");
  }

  @ParameterizedTest
  @MethodSource("hostileTableNames")
  void hostileTableNamesAreRefusedAtValidationAndOnPut(String table) {
    Map<String, String> routed = ConnectorConfigs.duckDbSink("hostile-t", duckDb, "hostile-t:" + table, 1);
    Map<String, String> offsets = with(ConnectorConfigs.duckDbSink("hostile-t", duckDb, "", 1), "duckdb.offsets.table", table);
    for (Map.Entry<String, Map<String, String>> attempt : Map.of("topic2table.map", routed, "duckdb.offsets.table", offsets).entrySet()) {
      String key = attempt.getKey();
      Map<String, List<String>> errors = CONNECT.rest().validationErrors(ConnectorConfigs.SINK, attempt.getValue());
      assertThat(errors).as("validation errors").containsOnlyKeys(key);
      assertThat(errors.get(key).get(0)).contains("must start with a letter or _ and contain only letters, digits, _ and $");

      ConnectRestClient.Response put = CONNECT.rest().call("PUT", "connectors/hostile-table/config", attempt.getValue());
      assertThat(put.status()).as("PUT with %s = %s", key, table).isEqualTo(400);
      assertThat(put.rawBody()).contains(key);
    }
    assertThat(CONNECT.rest().connectors()).doesNotContain("hostile-table");
    assertVictimUntouched();
  }

  /** Names Kafka cannot hold; the sink must not turn them into SQL on the way to failing. */
  static Stream<String> hostileTopicNames() {
    return Stream.of("x\"; DROP TABLE " + VICTIM + "; --", "t'; DROP TABLE " + VICTIM + "; --", "züge", "a b");
  }

  @ParameterizedTest
  @MethodSource("hostileTopicNames")
  void aSinkOnAHostileTopicFailsNamingItAndRunsNoSql(String topic) {
    CONNECT.rest().putConfig("hostile-topic-sink", ConnectorConfigs.duckDbSink(topic, duckDb, "", 1));

    String trace = CONNECT.awaitTaskFailed("hostile-topic-sink", TIMEOUT).path("tasks").get(0).path("trace").asText();
    assertThat(trace).contains("InvalidTopicException: Invalid topics: [" + topic + "]");
    CONNECT.rest().delete("hostile-topic-sink");
    assertVictimUntouched();
  }

  /** The sources check their topic names in validate, so a name Kafka cannot hold never reaches a task. */
  @ParameterizedTest
  @MethodSource("hostileTopicNames")
  void sourcesRefuseAHostileTopicAtValidationAndOnPut(String topic) {
    Map<String, Map<String, String>> sources = Map.of(
        ConnectorConfigs.ATS, ConnectorConfigs.ats(topic, 1, 2, 100),
        ConnectorConfigs.HTTP, ConnectorConfigs.http("http://127.0.0.1:9", topic));
    for (Map.Entry<String, Map<String, String>> source : sources.entrySet()) {
      Map<String, List<String>> errors = CONNECT.rest().validationErrors(source.getKey(), source.getValue());
      assertThat(errors).as("validation errors of %s", source.getKey()).containsOnlyKeys("topic");
      assertThat(errors.get("topic")).singleElement().asString().contains("is not a legal topic name");

      ConnectRestClient.Response put = CONNECT.rest().call("PUT", "connectors/hostile-topic-source/config", source.getValue());
      assertThat(put.status()).as("PUT of %s with topic %s", source.getKey(), topic).isEqualTo(400);
    }
    assertThat(CONNECT.rest().connectors()).doesNotContain("hostile-topic-source");
    assertVictimUntouched();
  }

  /** A legal topic whose derived table name is an existing table of another shape: refused, not written. */
  @Test
  void aTopicNamedAfterAnExistingTableDoesNotWriteIntoIt() {
    CONNECT.kafka().createTopic("victim", 1);
    RawProducer.send(CONNECT.kafka().bootstrapServers(), "victim", List.of(utf8("{\"v\":666}")));
    CONNECT.rest().putConfig("victim-sink", ConnectorConfigs.duckDbSink("victim", duckDb, "", 1));

    String trace = CONNECT.awaitTaskFailed("victim-sink", TIMEOUT).path("tasks").get(0).path("trace").asText();
    assertThat(trace).contains("[VS-202]").contains(VICTIM);
    CONNECT.rest().delete("victim-sink");
    assertVictimUntouched();
  }

  /** Connect accepts almost any connector name; the sink stores it as a bound value. */
  @Test
  void aHostileConnectorNameIsStoredAsDataNotRunAsSql() {
    String name = "sink'); DROP TABLE " + VICTIM + "; --";
    CONNECT.kafka().createTopic("named", 1);
    RawProducer.send(CONNECT.kafka().bootstrapServers(), "named", List.of(utf8("{\"n\":1}"), utf8("{\"n\":2}")));
    CONNECT.rest().putConfig(name, ConnectorConfigs.duckDbSink("named", duckDb, "named:NAMED_ROWS", 1));

    DuckDbReader reader = new DuckDbReader(duckDb);
    Awaits.until(TIMEOUT, "rows of the oddly named sink", () -> reader.count("NAMED_ROWS") == 2);
    List<String> stored = reader.read(c -> DuckDbReader.strings(c,
        "SELECT \"CONNECTOR\" FROM VARIANT_CONNECT_OFFSETS WHERE \"TOPIC\" = 'named'"), List.of());
    assertThat(stored).containsExactly(name);
    CONNECT.rest().delete(name);
    assertVictimUntouched();
  }

  /** The victim table still holds its one row, and no table carries a piece of a hostile name. */
  private static void assertVictimUntouched() {
    DuckDbReader reader = new DuckDbReader(duckDb);
    assertThat(reader.tables()).contains(VICTIM)
        .allSatisfy(table -> assertThat(table).matches("[A-Z0-9_]+"));
    assertThat(reader.read(c -> DuckDbReader.strings(c, "SELECT v FROM " + VICTIM), List.of())).containsExactly("42");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
