package io.github.variantconnect.sink.it;

import static io.github.variantconnect.sink.it.SinkConfigs.SINK_CLASS;
import static io.github.variantconnect.sink.it.SinkConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.sink.target.snowflake.OfficialConfigs;
import io.github.variantconnect.sink.target.snowflake.TestKeys;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.ConnectRestClient;
import io.github.variantconnect.testkit.duckdb.DuckDbReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink on a real worker, loaded from plugin.path next to the ATS source: end to end into
 * DuckDB, read meanwhile from this JVM (another OS process than the worker), routing, validation
 * and dead letters.
 */
class VariantSinkIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  private static final ObjectMapper JSON = ConnectRestClient.json();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void invalidConfigsFailValidationOnTheKeyAtFault() {
    Path file = SinkConfigs.duckDbFile("validate");
    Map<String, String> valid = SinkConfigs.sink("t", file, "t:T");
    assertThat(CONNECT.rest().validationErrors(SINK_CLASS, valid)).isEmpty();

    Map<String, List<String>> badTable =
        CONNECT.rest().validationErrors(SINK_CLASS, with(valid, "topic2table.map", "ats-.*:ATS-RAW"));
    assertThat(badTable).containsOnlyKeys("topic2table.map");
    assertThat(badTable.get("topic2table.map").get(0)).contains("ATS-RAW");

    Map<String, List<String>> noPath = CONNECT.rest().validationErrors(SINK_CLASS, with(valid, "duckdb.path", ""));
    assertThat(noPath).containsOnlyKeys("duckdb.path");
    assertThat(noPath.get("duckdb.path").get(0)).contains("required");

    assertThat(CONNECT.rest().validationErrors(SINK_CLASS, with(valid, "buffer.flush.time", "0")))
        .containsOnlyKeys("buffer.flush.time");
  }

  @Test
  void anOfficialSnowflakeConnectorConfigValidatesThroughTheWorkerWithoutReachingSnowflake() {
    // The account does not exist: validation must not try to reach it, only read and decrypt the key.
    Map<String, String> official = OfficialConfigs.streaming();
    official.put("snowflake.url.name", "no-such-account-xyz.snowflakecomputing.com:443");
    String key = TestKeys.encryptedDes3Pem();
    official.put("snowflake.private.key", key);
    official.put("snowflake.private.key.passphrase", TestKeys.PASSPHRASE);

    assertThat(CONNECT.rest().validationErrors(SINK_CLASS, official)).isEmpty();

    Map<String, List<String>> wrong = CONNECT.rest().validationErrors(SINK_CLASS,
        with(official, "snowflake.private.key.passphrase", "wrong passphrase"));
    assertThat(wrong).containsOnlyKeys("snowflake.private.key.passphrase");
    assertThat(wrong.get("snowflake.private.key.passphrase").get(0)).contains("does not decrypt");
    JsonNode answer = CONNECT.rest().validate(SINK_CLASS, official);
    String body = key.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    assertThat(answer.toString()).doesNotContain(TestKeys.PASSPHRASE).doesNotContain(body.substring(40, 80));
  }

  @Test
  void atsTelemetryAndASecondTopicLandOnceEachWithTheirContentWhileAnotherProcessReads() {
    SinkConfigs.requireAtsPlugin(CONNECT);
    long ticks = 40;
    int trains = 115;
    CONNECT.kafka().createTopic("ats-e2e", 3);
    CONNECT.kafka().createTopic("clicks-e2e", 2);
    Path file = SinkConfigs.duckDbFile("e2e");
    CONNECT.rest().putConfig("ats-e2e", SinkConfigs.ats("ats-e2e", ticks, "200"));
    CONNECT.rest().putConfig("sink-e2e", SinkConfigs.sink("ats-e2e,clicks-e2e", file,
        "ats-.*:ATS_RAW_JSON,clicks-e2e:CLICKSTREAM_RAW"));
    List<String> clicks = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      clicks.add("{\"event_id\":\"c" + i + "\",\"event_type\":\"page_view\",\"price\":" + (i * 1.5) + "}");
    }
    produce("clicks-e2e", clicks);

    // Read like a dashboard while the sink writes; every read must see whole batches only.
    DuckDbReader reader = new DuckDbReader(file);
    List<String> inconsistencies = new ArrayList<>();
    long expected = trains * ticks;
    Awaits.until(TIMEOUT, "all " + expected + " ATS events in DuckDB", () -> {
      List<String> problems = reader.read(c -> BatchConsistency.check(c, "ATS_RAW_JSON", "sink-e2e"));
      if (problems != null) {
        inconsistencies.addAll(problems);
      }
      return reader.count("ATS_RAW_JSON") >= expected && reader.count("CLICKSTREAM_RAW") >= clicks.size();
    });
    assertThat(inconsistencies).isEmpty();
    // Reads succeeded while the sink was writing; how long a read waited for a flush depends on the
    // machine's load, so it is not asserted.
    assertThat(reader.reads()).isPositive();

    Map<String, ConsumerRecord<String, String>> produced = byEventId(CONNECT.topicReader().readToEnd("ats-e2e"));
    assertThat(produced).hasSize((int) expected);
    List<String[]> rows = reader.read(c -> DuckDbReader.rows(c,
        "SELECT RECORD_CONTENT->>'$.event_id', RECORD_CONTENT, RECORD_METADATA FROM ATS_RAW_JSON"));
    assertThat(rows).hasSize((int) expected);
    Map<String, String[]> byId = new HashMap<>();
    for (String[] row : rows) {
      assertThat(byId.put(row[0], row)).as("duplicate row for %s", row[0]).isNull();
    }
    assertThat(byId.keySet()).isEqualTo(produced.keySet());
    produced.forEach((id, record) -> {
      JsonNode content = parse(byId.get(id)[1]);
      JsonNode metadata = parse(byId.get(id)[2]);
      assertThat(content).as(id).isEqualTo(parse(record.value()));
      assertThat(metadata.path("topic").asText()).isEqualTo("ats-e2e");
      assertThat(metadata.path("partition").asInt()).isEqualTo(record.partition());
      assertThat(metadata.path("offset").asLong()).isEqualTo(record.offset());
      assertThat(metadata.path("key").asText()).isEqualTo(record.key());
      assertThat(metadata.path("CreateTime").asLong()).isEqualTo(record.timestamp());
    });
    List<String[]> clickRows = reader.read(c -> DuckDbReader.rows(c,
        "SELECT RECORD_CONTENT FROM CLICKSTREAM_RAW ORDER BY (RECORD_METADATA->>'$.offset')::BIGINT, RECORD_METADATA->>'$.partition'"));
    assertThat(clickRows.stream().map(r -> parse(r[0])).toList())
        .containsExactlyInAnyOrderElementsOf(clicks.stream().map(VariantSinkIT::parse).toList());
    CONNECT.rest().delete("ats-e2e");
    CONNECT.rest().delete("sink-e2e");
  }

  @Test
  void poisonRecordsGoToTheDeadLetterQueueWithTheirReasonWhileGoodRecordsLand() {
    CONNECT.kafka().createTopic("poison-in", 1);
    produce("poison-in", List.of("{\"n\":1}", "this is not json", "{\"n\":2}", "{\"big\":\"" + "x".repeat(2000) + "\"}",
        "{\"n\":3}"));
    Path file = SinkConfigs.duckDbFile("poison");
    Map<String, String> config = with(SinkConfigs.sink("poison-in", file, "poison-in:GOOD"),
        "value.converter", "org.apache.kafka.connect.storage.StringConverter",
        "variant.max.content.bytes", "1000",
        "errors.tolerance", "all",
        "errors.deadletterqueue.topic.name", "poison-dlq",
        "errors.deadletterqueue.topic.replication.factor", "1",
        "errors.deadletterqueue.context.headers.enable", "true");
    CONNECT.rest().putConfig("sink-poison", config);

    DuckDbReader reader = new DuckDbReader(file);
    Awaits.until(TIMEOUT, "good records in DuckDB", () -> reader.count("GOOD") == 3);
    List<ConsumerRecord<String, String>> dead = CONNECT.topicReader().awaitRecords("poison-dlq", 2, TIMEOUT);

    assertThat(dead).hasSize(2);
    assertThat(dead.get(0).value()).isEqualTo("this is not json");
    assertThat(header(dead.get(0), "__connect.errors.exception.message")).contains("[VS-101]").contains("not valid JSON");
    assertThat(header(dead.get(1), "__connect.errors.exception.message")).contains("[VS-102]").contains("limit is 1000");
    assertThat(header(dead.get(1), "__connect.errors.offset")).isEqualTo("3");
    List<String[]> good = reader.read(c -> DuckDbReader.rows(c, "SELECT RECORD_CONTENT->>'$.n' FROM GOOD ORDER BY 1"));
    assertThat(good.stream().map(r -> r[0])).containsExactly("1", "2", "3");
    CONNECT.rest().delete("sink-poison");

    // Without tolerance the same topic fails the task, naming the record.
    Path strictFile = SinkConfigs.duckDbFile("poison-strict");
    CONNECT.rest().putConfig("sink-strict", with(SinkConfigs.sink("poison-in", strictFile, "poison-in:GOOD"),
        "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
    JsonNode status = CONNECT.awaitTaskFailed("sink-strict", TIMEOUT);
    String trace = status.path("tasks").toString();
    assertThat(trace).contains("[VS-302]").contains("poison-in/0@1").contains("not valid JSON");
    CONNECT.rest().delete("sink-strict");
  }

  @Test
  void pluginIsNotOnTheTestClasspath() {
    assertThatThrownBy(() -> Class.forName(SINK_CLASS)).isInstanceOf(ClassNotFoundException.class);
    JsonNode plugins = CONNECT.rest().connectorPlugins();
    assertThat(plugins.toString()).contains(SINK_CLASS).contains(SinkConfigs.ATS_CLASS);
  }

  private static void produce(String topic, List<String> values) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, CONNECT.kafka().bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < values.size(); i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, values.get(i)));
      }
      producer.flush();
    }
  }

  static Map<String, ConsumerRecord<String, String>> byEventId(List<ConsumerRecord<String, String>> records) {
    Map<String, ConsumerRecord<String, String>> map = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      map.put(parse(record.value()).path("event_id").asText(), record);
    }
    return map;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
