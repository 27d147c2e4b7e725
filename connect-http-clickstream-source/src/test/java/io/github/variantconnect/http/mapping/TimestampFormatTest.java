package io.github.variantconnect.http.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampFormatTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long MILLIS = Instant.parse("2026-01-05T07:30:00.123Z").toEpochMilli();

  @Test
  void readsTheCommonFormats() {
    assertThat(TimestampFormat.of("iso8601").toEpochMillis(NODES.textNode("2026-01-05T07:30:00.123Z"))).isEqualTo(MILLIS);
    assertThat(TimestampFormat.of("iso8601").toEpochMillis(NODES.textNode("2026-01-05T08:30:00.123+01:00"))).isEqualTo(MILLIS);
    assertThat(TimestampFormat.of("epoch_millis").toEpochMillis(NODES.numberNode(MILLIS))).isEqualTo(MILLIS);
    assertThat(TimestampFormat.of("epoch_seconds").toEpochMillis(NODES.numberNode(MILLIS / 1000.0))).isEqualTo(MILLIS);
    assertThat(TimestampFormat.of("yyyy-MM-dd HH:mm:ss.SSS").toEpochMillis(NODES.textNode("2026-01-05 07:30:00.123")))
        .isEqualTo(MILLIS);
  }

  @Test
  void rejectsWhatDoesNotParse() {
    assertThatThrownBy(() -> TimestampFormat.of("iso8601").toEpochMillis(NODES.textNode("yesterday")))
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> TimestampFormat.of("yyyy-bb")).hasMessageContaining("pattern");
  }
}
