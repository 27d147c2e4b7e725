package io.github.variantconnect.sink.target.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.errors.RecordRejectedException;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.Row;
import net.snowflake.ingest.utils.SFException;
import org.junit.jupiter.api.Test;

/** The VARIANT rules agree with the classic SDK's own validation, called on the same values. */
class SnowflakeVariantRulesTest {

  private final SnowflakeVariantRules rules = new SnowflakeVariantRules();

  private static Row row(String content) {
    return new Row("T", 7, "{\"topic\":\"t\",\"partition\":0,\"offset\":7}", content);
  }

  @Test
  void aRepeatedKeyAtAnyDepthIsRefusedLikeTheSdkRefusesIt() {
    for (String json : new String[] {"{\"a\":1,\"a\":2}", "[{\"x\":{\"b\":1,\"c\":2,\"b\":3}}]",
        "{\"k\\u0000\":1,\"k\":2}"}) {
      RecordRejectedException refusal = rules.refusal(row(json));
      assertThat(refusal).as(json).isNotNull();
      assertThat(refusal.code()).isEqualTo(SinkErrorCode.INVALID_JSON);
      assertThat(refusal.getMessage()).contains("repeated object key").doesNotContain("\"k");
      assertThatThrownBy(() -> SdkVariant.validateAndParseVariantNew("RECORD_CONTENT", json, 0))
          .as("the SDK agrees on " + json).isInstanceOf(SFException.class).hasMessageContaining("duplicate");
    }
  }

  @Test
  void theSameKeyInSiblingObjectsIsNoRepeat() {
    String json = "{\"a\":{\"k\":1},\"b\":{\"k\":2},\"c\":[{\"k\":3},{\"k\":4}]}";
    assertThat(rules.refusal(row(json))).isNull();
    assertThat(SdkVariant.validateAndParseVariantNew("RECORD_CONTENT", json, 0)).isEqualTo(json);
  }

  @Test
  void aRepeatedHeaderKeyInTheMetadataIsRefusedToo() {
    Row row = new Row("T", 1, "{\"headers\":{\"h\":\"1\",\"h\":\"2\"}}", "{}");
    assertThat(rules.refusal(row)).isNotNull().hasMessageContaining("RECORD_METADATA");
  }

  @Test
  void theSizeLimitCountsTheValueAsTheSdkReSerialisesItMinified() {
    String padded = "{\"s\": \"" + "x".repeat((int) SnowflakeVariantRules.MAX_VARIANT_BYTES - 8) + "\"}   ";
    String minified = SdkVariant.validateAndParseVariantNew("RECORD_CONTENT", padded, 0);

    assertThat(SnowflakeVariantRules.utf8Bytes(padded)).isGreaterThan(SnowflakeVariantRules.MAX_VARIANT_BYTES);
    assertThat(rules.variantBytes(padded)).isEqualTo(minified.length()).isLessThanOrEqualTo(
        SnowflakeVariantRules.MAX_VARIANT_BYTES);
    assertThat(rules.refusal(row(padded))).as("under the limit once minified, as the SDK takes it").isNull();

    String over = "{\"s\":\"" + "x".repeat((int) SnowflakeVariantRules.MAX_VARIANT_BYTES - 7) + "\"}";
    assertThat(rules.refusal(row(over))).isNotNull().extracting(RecordRejectedException::code)
        .isEqualTo(SinkErrorCode.CONTENT_TOO_LARGE);
    assertThatThrownBy(() -> SdkVariant.validateAndParseVariantNew("RECORD_CONTENT", over, 0))
        .isInstanceOf(SFException.class).hasMessageContaining("Variant too long");
  }

  @Test
  void numbersKeepTheirDigitsThroughTheSdk() {
    String json = "{\"d\":123456789012345678901.234567891,\"e\":1E+400}";
    assertThat(SdkVariant.validateAndParseVariantNew("RECORD_CONTENT", json, 0)).isEqualTo(json);
  }
}
