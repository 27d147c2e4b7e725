package io.github.variantconnect.http.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class StructValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final StructValues values = new StructValues();

  private SchemaAndValue convert(String json) throws Exception {
    JsonNode node = JSON.readTree(json);
    return values.convert(node);
  }

  @Test
  void infersNestedSchemasAndCachesThemPerShape() throws Exception {
    SchemaAndValue a = convert("{\"id\":\"a\",\"n\":1,\"x\":1.5,\"ok\":true,\"tags\":[\"t\"],\"geo\":{\"lat\":1.0}}");
    SchemaAndValue b = convert("{\"id\":\"b\",\"n\":2,\"x\":2.5,\"ok\":false,\"tags\":[],\"geo\":{\"lat\":2.0}}");

    assertThat(b.schema()).isSameAs(a.schema());
    Struct struct = (Struct) a.value();
    assertThat(struct.getInt64("n")).isEqualTo(1L);
    assertThat(struct.getArray("tags")).isEqualTo(List.of("t"));
    assertThat(struct.getStruct("geo").getFloat64("lat")).isEqualTo(1.0);
    assertThat(a.schema().field("geo").schema().isOptional()).isTrue();
  }

  @Test
  void aNullKeepsTheTypeSeenBeforeSoTheSchemaDoesNotFlip() throws Exception {
    SchemaAndValue priced = convert("{\"price\":19.99,\"qty\":2}");
    SchemaAndValue unpriced = convert("{\"price\":null,\"qty\":null}");

    assertThat(unpriced.schema()).isSameAs(priced.schema());
    assertThat(unpriced.schema().field("price").schema().type()).isEqualTo(Schema.Type.FLOAT64);
    assertThat(((Struct) unpriced.value()).get("price")).isNull();
  }

  @Test
  void mixedArraysWiden() throws Exception {
    Struct numbers = (Struct) convert("{\"v\":[1,2.5]}").value();
    Struct mixed = (Struct) convert("{\"w\":[1,\"a\",{\"k\":1}]}").value();

    assertThat(numbers.getArray("v")).isEqualTo(List.of(1.0, 2.5));
    assertThat(mixed.getArray("w")).isEqualTo(List.of("1", "a", "{\"k\":1}"));
  }

  @Test
  void shapeCodesRoundTripFieldNamesWithAnyCharacters() {
    Schema schema = ShapeCodes.schemaOf("{3:a:bs5:{x}[ii}");

    assertThat(schema.field("a:b").schema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(schema.field("{x}[i").schema().type()).isEqualTo(Schema.Type.INT64);
  }
}
