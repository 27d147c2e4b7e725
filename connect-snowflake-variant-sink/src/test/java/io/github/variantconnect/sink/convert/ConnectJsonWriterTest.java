package io.github.variantconnect.sink.convert;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class ConnectJsonWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ODD_NAMES = List.of(
      "plain", "with \"quotes\"", "back\\slash", "tab\tand\nnewline", "control\u0001char", "é àccents",
      "日本語", "emoji 😀", "</script>", "a b");

  private final JsonText text = new JsonText(new JsonFactory());

  private String write(ConnectJsonWriter writer, Schema schema, Object value) throws IOException {
    writer.write(text.start(), schema, value);
    return text.finish();
  }

  @Test
  void oddStructFieldNamesAreEscapedAndReadBackAsWritten() throws IOException {
    SchemaBuilder builder = SchemaBuilder.struct().name("Odd");
    ODD_NAMES.forEach(name -> builder.field(name, Schema.STRING_SCHEMA));
    Schema schema = builder.build();
    Struct struct = new Struct(schema);
    ODD_NAMES.forEach(name -> struct.put(name, "v:" + name));
    ConnectJsonWriter writer = new ConnectJsonWriter();

    for (int i = 0; i < 3; i++) {
      JsonNode node = JSON.readTree(write(writer, schema, struct));

      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      assertThat(names).as("write %d", i).containsExactlyElementsOf(ODD_NAMES);
      ODD_NAMES.forEach(name -> assertThat(node.path(name).asText()).isEqualTo("v:" + name));
    }
  }

  @Test
  void oddMapKeysAreEscapedAndReadBackAsWritten() throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    ODD_NAMES.forEach(name -> map.put(name, name.length()));
    map.put("", 0);
    ConnectJsonWriter writer = new ConnectJsonWriter();

    for (int i = 0; i < 3; i++) {
      assertThat(JSON.readTree(write(writer, null, map))).as("write %d", i).isEqualTo(JSON.valueToTree(map));
    }
  }

  @Test
  void namesComeFromTheSchemaOfEachRecordAsSchemasChange() throws IOException {
    Schema v1 = SchemaBuilder.struct().name("E").version(1).field("a", Schema.INT32_SCHEMA).build();
    Schema v2 = SchemaBuilder.struct().name("E").version(2).field("b", Schema.INT32_SCHEMA)
        .field("c", Schema.OPTIONAL_STRING_SCHEMA).build();
    // One slot: every schema change replaces the cached names.
    ConnectJsonWriter writer = new ConnectJsonWriter(new StructFieldNames(1), new ObjectKeyNames(8));

    for (int i = 0; i < 3; i++) {
      assertThat(write(writer, v1, new Struct(v1).put("a", i))).isEqualTo("{\"a\":" + i + "}");
      assertThat(write(writer, v2, new Struct(v2).put("b", i))).isEqualTo("{\"b\":" + i + ",\"c\":null}");
    }
  }

  @Test
  void aSchemaGrownInPlaceIsWrittenWithItsNewFields() throws IOException {
    SchemaBuilder growing = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA);
    ConnectJsonWriter writer = new ConnectJsonWriter();
    assertThat(write(writer, growing, new Struct(growing).put("a", 1))).isEqualTo("{\"a\":1}");

    growing.field("b", Schema.INT32_SCHEMA);

    assertThat(write(writer, growing, new Struct(growing).put("a", 1).put("b", 2))).isEqualTo("{\"a\":1,\"b\":2}");
  }

  @Test
  void structSchemaCacheStaysWithinItsCapacity() throws IOException {
    StructFieldNames names = new StructFieldNames(4);
    ConnectJsonWriter writer = new ConnectJsonWriter(names, new ObjectKeyNames(8));

    for (int i = 0; i < 100; i++) {
      Schema schema = SchemaBuilder.struct().field("f" + i, Schema.INT32_SCHEMA).build();
      assertThat(write(writer, schema, new Struct(schema).put("f" + i, i))).isEqualTo("{\"f" + i + "\":" + i + "}");
    }

    assertThat(names.size()).isPositive().isLessThanOrEqualTo(4);
  }

  @Test
  void mapKeyCacheStaysWithinItsCapacityAndSkipsLongKeys() throws IOException {
    ObjectKeyNames keys = new ObjectKeyNames(8);
    ConnectJsonWriter writer = new ConnectJsonWriter(new StructFieldNames(4), keys);

    String longKey = "k".repeat(ObjectKeyNames.MAX_CACHED_LENGTH + 1);
    assertThat(write(writer, null, Map.of(longKey, 1))).isEqualTo("{\"" + longKey + "\":1}");
    assertThat(keys.size()).isZero();

    for (int i = 0; i < 1000; i++) {
      assertThat(write(writer, null, Map.of("key-" + i, i))).isEqualTo("{\"key-" + i + "\":" + i + "}");
    }
    assertThat(keys.size()).isPositive().isLessThanOrEqualTo(8);
  }

  @Test
  void cacheCapacitiesMustBePowersOfTwo() {
    assertThatThrownBy(() -> new StructFieldNames(6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ObjectKeyNames(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonStringMapKeysAreWrittenAsTheirText() throws IOException {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1, "one");
    map.put(2L, "two");
    map.put(true, "yes");
    Schema schema = SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build();

    assertThat(write(new ConnectJsonWriter(), schema, map)).isEqualTo("{\"1\":\"one\",\"2\":\"two\",\"true\":\"yes\"}");
  }

  @Test
  void doublesAreWrittenAsJavaWritesThem() throws IOException {
    double[] values = {45.712345, 4.8, 0.001, 0.000999, 9_999_999.5, 1e7, 1.0E-5, 123_456_789.123, -61.25,
        0.1 + 0.2, 100.0, -0.0, 0.0, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, 2.0E-3, 1.0E23};
    Schema schema = SchemaBuilder.array(Schema.FLOAT64_SCHEMA).build();
    List<Double> list = Arrays.stream(values).boxed().toList();

    String json = write(new ConnectJsonWriter(), schema, list);

    assertThat(json).isEqualTo(Arrays.stream(values).mapToObj(Double::toString).collect(joining(",", "[", "]")));
    JsonNode node = JSON.readTree(json);
    for (int i = 0; i < values.length; i++) {
      assertThat(node.get(i).doubleValue()).as("%s", values[i]).isEqualTo(values[i]);
    }
  }

  @Test
  void floatsKeepTheirShortText() throws IOException {
    Schema schema = SchemaBuilder.array(Schema.FLOAT32_SCHEMA).build();

    assertThat(write(new ConnectJsonWriter(), schema, List.of(0.1f, 1.5f, 3.4028235e38f, 1.0e-10f)))
        .isEqualTo("[0.1,1.5,3.4028235E38,1.0E-10]");
  }

  @Test
  void nonFiniteNumbersAreQuotedAsBefore() throws IOException {
    List<Object> values = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN,
        Float.NEGATIVE_INFINITY);

    assertThat(write(new ConnectJsonWriter(), null, values))
        .isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\",\"NaN\",\"-Infinity\"]");
  }

  @Test
  void valuesThatDoNotMatchTheirSchemaTypeAreStillWritten() throws IOException {
    Schema strings = SchemaBuilder.array(Schema.STRING_SCHEMA).build();
    // What a transform might hand over without validating: written by what each value is.
    assertThat(write(new ConnectJsonWriter(), strings, List.of("a", 5, 7L, 2.5, true)))
        .isEqualTo("[\"a\",5,7,2.5,true]");
    assertThat(write(new ConnectJsonWriter(), Schema.INT64_SCHEMA, "12")).isEqualTo("\"12\"");
  }
}
