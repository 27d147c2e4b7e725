package io.github.variantconnect.sink.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.sink.errors.RecordRejectedException;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.Row;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class RecordConverterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LIMIT = 1000;

  private final RecordConverter converter = new RecordConverter(MetadataFields.ALL, NullValueBehavior.DEFAULT, LIMIT);

  static final Schema ADDRESS = SchemaBuilder.struct().name("Address")
      .field("city", Schema.STRING_SCHEMA)
      .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
      .build();
  static final Schema EVENT = SchemaBuilder.struct().name("Event")
      .field("id", Schema.STRING_SCHEMA)
      .field("seq", Schema.INT64_SCHEMA)
      .field("small", Schema.INT8_SCHEMA)
      .field("ratio", Schema.FLOAT32_SCHEMA)
      .field("speed", Schema.FLOAT64_SCHEMA)
      .field("ok", Schema.BOOLEAN_SCHEMA)
      .field("price", Decimal.schema(2))
      .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
      .field("at", Time.SCHEMA)
      .field("when", Timestamp.SCHEMA)
      .field("raw", Schema.BYTES_SCHEMA)
      .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
      .field("counts", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
      .field("address", ADDRESS)
      .field("missing", Schema.OPTIONAL_STRING_SCHEMA)
      .build();

  public static Schema eventSchema() {
    return EVENT;
  }

  public static Struct eventStruct() {
    return event();
  }

  static Struct event() {
    return new Struct(EVENT)
        .put("id", "T1-7")
        .put("seq", 7L)
        .put("small", (byte) 3)
        .put("ratio", 0.5f)
        .put("speed", 61.25)
        .put("ok", true)
        .put("price", new BigDecimal("19.99"))
        .put("day", Date.from(Instant.parse("2026-01-05T00:00:00Z")))
        .put("at", Date.from(Instant.parse("1970-01-01T07:30:15.250Z")))
        .put("when", Date.from(Instant.parse("2026-01-05T07:30:15.250Z")))
        .put("raw", new byte[] {1, 2, 3})
        .put("tags", List.of("a", "b"))
        .put("counts", Map.of("x", 1))
        .put("address", new Struct(ADDRESS).put("city", "Lyon"));
  }

  public static final String EVENT_JSON = "{\"id\":\"T1-7\",\"seq\":7,\"small\":3,\"ratio\":0.5,\"speed\":61.25,\"ok\":true,"
      + "\"price\":19.99,\"day\":\"2026-01-05\",\"at\":\"07:30:15.250\",\"when\":\"2026-01-05T07:30:15.250Z\","
      + "\"raw\":\"AQID\",\"tags\":[\"a\",\"b\"],\"counts\":{\"x\":1},\"address\":{\"city\":\"Lyon\",\"zip\":null},"
      + "\"missing\":null}";

  static Stream<Arguments> values() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("train_id", "T1");
    map.put("speed", 42.5);
    map.put("alerts", List.of("OVERCROWDING"));
    map.put("nested", Map.of("n", 1L));
    map.put("none", null);
    return Stream.of(
        Arguments.of("struct with schema", EVENT, event(), EVENT_JSON),
        Arguments.of("schemaless map", null, map,
            "{\"train_id\":\"T1\",\"speed\":42.5,\"alerts\":[\"OVERCROWDING\"],\"nested\":{\"n\":1},\"none\":null}"),
        Arguments.of("JSON string", Schema.STRING_SCHEMA, "{\"a\": [1, 2.5, \"x\"]}", "{\"a\":[1,2.5,\"x\"]}"),
        Arguments.of("JSON bytes", Schema.BYTES_SCHEMA, "{\"é\":true}".getBytes(StandardCharsets.UTF_8), "{\"é\":true}"),
        Arguments.of("JSON byte buffer", null, ByteBuffer.wrap("[1,2]".getBytes(StandardCharsets.UTF_8)), "[1,2]"),
        Arguments.of("top-level JSON number as text", Schema.STRING_SCHEMA, "42", "42"),
        Arguments.of("int", Schema.INT32_SCHEMA, 42, "42"),
        Arguments.of("long", null, 42L, "42"),
        Arguments.of("double", Schema.FLOAT64_SCHEMA, 1.5, "1.5"),
        Arguments.of("boolean", Schema.BOOLEAN_SCHEMA, true, "true"),
        Arguments.of("list of structs", null, List.of(new Struct(ADDRESS).put("city", "Nice")),
            "[{\"city\":\"Nice\",\"zip\":null}]"),
        Arguments.of("decimal", Decimal.schema(3), new BigDecimal("1.250"), "1.250"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void everyConverterOutputBecomesJson(String label, Schema schema, Object value, String expected) throws Exception {
    Row row = converter.convert(record(schema, value), "T");

    assertThat(JSON.readTree(row.content())).isEqualTo(JSON.readTree(expected));
    assertThat(row.table()).isEqualTo("T");
    assertThat(row.offset()).isEqualTo(12);
  }

  @Test
  void jsonConverterOutputRoundTripsWithAndWithoutSchemas() throws Exception {
    String text = "{\"event_id\":\"T1-0\",\"seq\":0,\"speed_kmh\":12.5,\"alerts\":[],\"ok\":false}";
    for (boolean schemas : new boolean[] {false, true}) {
      JsonConverter jsonConverter = new JsonConverter();
      jsonConverter.configure(Map.of("schemas.enable", Boolean.toString(schemas), "converter.type", "value"));
      byte[] wire = schemas
          ? ("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"event_id\",\"type\":\"string\"},"
              + "{\"field\":\"seq\",\"type\":\"int64\"},{\"field\":\"speed_kmh\",\"type\":\"double\"},"
              + "{\"field\":\"alerts\",\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
              + "{\"field\":\"ok\",\"type\":\"boolean\"}]},\"payload\":" + text + "}").getBytes(StandardCharsets.UTF_8)
          : text.getBytes(StandardCharsets.UTF_8);
      var data = jsonConverter.toConnectData("t", wire);

      Row row = converter.convert(record(data.schema(), data.value()), "T");

      assertThat(JSON.readTree(row.content())).as("schemas.enable=%s", schemas).isEqualTo(JSON.readTree(text));
    }
  }

  @Test
  void stringConverterTextIsKeptAsWrittenAfterCheckingIt() {
    var data = new StringConverter().toConnectData("t", "{ \"a\" : 1 }".getBytes(StandardCharsets.UTF_8));
    assertThat(converter.convert(record(data.schema(), data.value()), "T").content()).isEqualTo("{ \"a\" : 1 }");
  }

  static Stream<Arguments> invalidJson() {
    return Stream.of(
        Arguments.of("plain text", "not json at all"),
        Arguments.of("truncated object", "{\"a\": 1"),
        Arguments.of("trailing content", "{\"a\": 1} {\"b\": 2}"),
        Arguments.of("single quotes", "{'a': 1}"),
        Arguments.of("empty", ""),
        Arguments.of("blank", "   "),
        Arguments.of("NaN", "{\"a\": NaN}"),
        Arguments.of("control character in string", "{\"a\": \"x\u0001y\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidJson")
  void invalidJsonTextIsRejectedWithAReasonThatQuotesNoPayload(String label, String text) {
    assertThatThrownBy(() -> converter.convert(record(Schema.STRING_SCHEMA, text), "T"))
        .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
          assertThat(e.code()).isEqualTo(SinkErrorCode.INVALID_JSON);
          assertThat(e.getMessage()).startsWith("[VS-101]").doesNotContain("json at all").doesNotContain("NaN");
        });
  }

  @Test
  void invalidUtf8BytesAreRejected() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThatThrownBy(() -> converter.convert(record(Schema.BYTES_SCHEMA, bytes), "T"))
        .isInstanceOfSatisfying(RecordRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(SinkErrorCode.INVALID_JSON));
  }

  @Test
  void valuesOverTheLimitAreRejectedInEveryForm() {
    String big = "{\"a\":\"" + "x".repeat((int) LIMIT) + "\"}";
    String multiByte = "\"" + "é".repeat((int) LIMIT / 2) + "\"";
    Struct struct = new Struct(ADDRESS).put("city", "x".repeat((int) LIMIT));

    for (Object value : List.of(big, big.getBytes(StandardCharsets.UTF_8), multiByte, struct)) {
      assertThatThrownBy(() -> converter.convert(record(null, value), "T"))
          .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
            assertThat(e.code()).isEqualTo(SinkErrorCode.CONTENT_TOO_LARGE);
            assertThat(e.getMessage()).contains("limit is " + LIMIT);
          });
    }
    assertThat(converter.convert(record(null, "\"" + "é".repeat((int) LIMIT / 2 - 2) + "\""), "T")).isNotNull();
  }

  @Test
  void tombstonesBecomeAnEmptyObjectOrNoRow() {
    assertThat(converter.convert(record(null, null), "T").content()).isEqualTo("{}");
    RecordConverter ignoring = new RecordConverter(MetadataFields.ALL, NullValueBehavior.IGNORE, LIMIT);
    assertThat(ignoring.convert(record(null, null), "T")).isNull();
  }

  @Test
  void metadataCarriesTopicPartitionOffsetTimeKeyAndHeaders() throws Exception {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString("source", "ats");
    headers.addInt("attempt", 2);
    headers.addBytes("trace", "abc".getBytes(StandardCharsets.UTF_8));
    SinkRecord record = new SinkRecord("ats-telemetry", 3, Schema.STRING_SCHEMA, "T1", null, "{}", 12,
        1_700_000_000_123L, TimestampType.CREATE_TIME, headers);

    JsonNode metadata = JSON.readTree(converter.convert(record, "T").metadata());

    assertThat(metadata).isEqualTo(JSON.readTree("{\"topic\":\"ats-telemetry\",\"partition\":3,\"offset\":12,"
        + "\"CreateTime\":1700000000123,\"key\":\"T1\",\"headers\":{\"source\":\"ats\",\"attempt\":2,\"trace\":\"abc\"}}"));
  }

  @Test
  void logAppendTimeIsNamedAsSuchAndStructKeysAreObjects() throws Exception {
    Struct key = new Struct(ADDRESS).put("city", "Lyon");
    SinkRecord record = new SinkRecord("t", 0, ADDRESS, key, null, "{}", 5, 99L, TimestampType.LOG_APPEND_TIME);

    JsonNode metadata = JSON.readTree(converter.convert(record, "T").metadata());

    assertThat(metadata.path("LogAppendTime").asLong()).isEqualTo(99L);
    assertThat(metadata.has("CreateTime")).isFalse();
    assertThat(metadata.path("key")).isEqualTo(JSON.readTree("{\"city\":\"Lyon\",\"zip\":null}"));
  }

  @Test
  void metadataOfInterleavedPartitionsAndOddTopicNamesIsEachRecordsOwn() throws Exception {
    List<String> topics = List.of("ats-telemetry", "with \"quote\"", "日本-topic", "back\\slash");
    // More topic-partitions than the prefixes kept, visited twice in a scrambled order.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4 * RecordMetadataJson.PREFIXES_CACHED; i++) {
        int n = (i * 7919 + round) % (4 * RecordMetadataJson.PREFIXES_CACHED);
        String topic = topics.get(n % topics.size());
        int partition = n / topics.size();
        long offset = 1_000_000_000_000L + n;
        SinkRecord record = new SinkRecord(topic, partition, null, null, null, "{}", offset, null,
            TimestampType.NO_TIMESTAMP_TYPE);

        JsonNode metadata = JSON.readTree(converter.convert(record, "T").metadata());

        assertThat(metadata).isEqualTo(JSON.createObjectNode()
            .put("topic", topic).put("partition", partition).put("offset", offset));
      }
    }
  }

  @Test
  void headerNamesAndKeysWithOddCharactersAreEscaped() throws Exception {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString("trace \"id\"", "x");
    headers.addString("ünïcode😀", "y");
    headers.addString("trace \"id\"", "z");
    SinkRecord record = new SinkRecord("t", 0, Schema.STRING_SCHEMA, "key \"1\"\n", null, "{}", 5, 99L,
        TimestampType.CREATE_TIME, headers);

    String metadata = converter.convert(record, "T").metadata();

    assertThat(JSON.readTree(metadata)).isEqualTo(JSON.readTree("{\"topic\":\"t\",\"partition\":0,\"offset\":5,"
        + "\"CreateTime\":99,\"key\":\"key \\\"1\\\"\\n\","
        + "\"headers\":{\"trace \\\"id\\\"\":\"z\",\"ünïcode😀\":\"y\"}}"));
  }

  @Test
  void metadataWithOnlyTimeOrKeyIsStillOneObject() throws Exception {
    RecordConverter timeOnly = new RecordConverter(new MetadataFields(true, false, false, true),
        NullValueBehavior.DEFAULT, LIMIT);
    SinkRecord keyless = new SinkRecord("t", 0, null, null, null, "{}", 5, 99L, TimestampType.CREATE_TIME);
    SinkRecord timeless = new SinkRecord("t", 0, null, 7, null, "{}", 5, null, TimestampType.NO_TIMESTAMP_TYPE);

    assertThat(timeOnly.convert(keyless, "T").metadata()).isEqualTo("{\"CreateTime\":99}");
    assertThat(timeOnly.convert(timeless, "T").metadata()).isEqualTo("{\"key\":7}");
    assertThat(converter.convert(timeless, "T").metadata())
        .isEqualTo("{\"topic\":\"t\",\"partition\":0,\"offset\":5,\"key\":7}");
  }

  @Test
  void structContentIsWrittenExactlyAsBefore() {
    // Text, not just an equal tree: number formats and field order are part of what tables store.
    for (int i = 0; i < 3; i++) {
      assertThat(converter.convert(record(EVENT, event()), "T").content()).isEqualTo(EVENT_JSON);
    }
  }

  static Stream<Arguments> metadataSwitches() {
    return Stream.of(
        Arguments.of(new MetadataFields(true, false, true, true), List.of("partition", "offset", "CreateTime", "key")),
        Arguments.of(new MetadataFields(true, true, false, true), List.of("topic", "CreateTime", "key")),
        Arguments.of(new MetadataFields(true, true, true, false), List.of("topic", "partition", "offset", "key")),
        Arguments.of(new MetadataFields(false, true, true, true), List.of()));
  }

  @ParameterizedTest
  @MethodSource("metadataSwitches")
  void metadataFieldsFollowTheSnowflakeMetadataSwitches(MetadataFields fields, List<String> expected) throws Exception {
    RecordConverter switched = new RecordConverter(fields, NullValueBehavior.DEFAULT, LIMIT);

    JsonNode metadata = JSON.readTree(switched.convert(record(null, "{}"), "T").metadata());

    List<String> names = new java.util.ArrayList<>();
    metadata.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(expected);
  }

  @Test
  void aFailedValueDoesNotCorruptTheNextDocument() throws Exception {
    Map<String, Object> deep = new LinkedHashMap<>();
    Map<String, Object> current = deep;
    for (int i = 0; i < 5000; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      current.put("n", next);
      current = next;
    }
    assertThatThrownBy(() -> converter.convert(record(null, deep), "T")).isInstanceOf(RecordRejectedException.class);

    Row row = converter.convert(record(EVENT, event()), "T");
    assertThat(JSON.readTree(row.content())).isEqualTo(JSON.readTree(EVENT_JSON));
  }

  @Test
  void utf8LengthCountsSurrogatePairsAsFourBytes() {
    String text = "aé€😀";
    assertThat(RecordConverter.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
  }

  private static SinkRecord record(Schema schema, Object value) {
    return new SinkRecord("topic", 0, Schema.STRING_SCHEMA, "key", schema, value, 12, 1000L, TimestampType.CREATE_TIME);
  }
}
