package io.github.variantconnect.http.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.http.config.ValueFormat;
import io.github.variantconnect.http.mapping.ValueConverter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class ExactNumbersTest {

  private static final String ITEM = "{\"id\":123456789012345678901234567890,\"amount\":12345678901234567890.123456789,"
      + "\"price\":19.99,\"qty\":3,\"tiny\":1.5E-300,\"ten\":10.50}";

  private static JsonNode parse(String json) throws Exception {
    return ExactNumbers.MAPPER.readTree(json);
  }

  private static String write(SchemaAndValue value, Map<String, String> converterProps) {
    JsonConverter converter = new JsonConverter();
    converter.configure(converterProps, false);
    return new String(converter.fromConnectData("t", value.schema(), value.value()), StandardCharsets.UTF_8);
  }

  @Test
  void ordinaryDecimalsStayDoublesAndWideOnesStayExact() throws Exception {
    JsonNode item = parse(ITEM);
    assertThat(item.get("price").isDouble()).isTrue();
    assertThat(item.get("tiny").isDouble()).isTrue();
    assertThat(item.get("amount").isBigDecimal()).isTrue();
    assertThat(item.get("amount").decimalValue()).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    assertThat(item.get("id").isBigInteger()).isTrue();
  }

  @Test
  void rawValuesKeepEveryDigitAsNumbers() throws Exception {
    SchemaAndValue raw = ValueConverter.of(ValueFormat.RAW).convert(parse(ITEM));
    assertThat((String) raw.value()).isEqualTo("{\"id\":123456789012345678901234567890,"
        + "\"amount\":12345678901234567890.123456789,\"price\":19.99,\"qty\":3,\"tiny\":1.5E-300,\"ten\":10.5}");
  }

  @Test
  void schemalessValuesKeepEveryDigitAsTextThroughJsonConverter() throws Exception {
    SchemaAndValue value = ValueConverter.of(ValueFormat.SCHEMALESS).convert(parse(ITEM));
    assertThat(write(value, Map.of("schemas.enable", "false"))).isEqualTo("{\"id\":\"123456789012345678901234567890\","
        + "\"amount\":\"12345678901234567890.123456789\",\"price\":19.99,\"qty\":3,\"tiny\":1.5E-300,\"ten\":10.5}");
  }

  @Test
  void structValuesInferConnectDecimalsWrittenAsNumbersWithNumericFormat() throws Exception {
    SchemaAndValue value = ValueConverter.of(ValueFormat.STRUCT).convert(parse(ITEM));
    assertThat(value.schema().field("amount").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
    assertThat(value.schema().field("amount").schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "9");
    assertThat(value.schema().field("id").schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "0");
    assertThat(((Struct) value.value()).get("amount")).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    assertThat(write(value, Map.of("schemas.enable", "false", "decimal.format", "NUMERIC")))
        .isEqualTo("{\"id\":123456789012345678901234567890,\"amount\":12345678901234567890.123456789,"
            + "\"price\":19.99,\"qty\":3,\"tiny\":1.5E-300,\"ten\":10.5}");
  }
}
