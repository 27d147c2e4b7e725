package io.github.variantconnect.http.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class EndpointOffsetTest {

  @Test
  void survivesTheRoundTripThroughConnectOffsets() {
    EndpointOffset offset = new EndpointOffset("c9", 3L, 300L, "2026-01-05T07:30:00.000Z", 1767598200000L, 7, "e42",
        List.of("e41", "e42"), List.of("e40", "e41", "e42"));

    // Connect hands numbers back as Long or Integer depending on the converter; both must do.
    Map<String, Object> stored = new java.util.HashMap<>(offset.toMap());
    stored.put(EndpointOffset.SKIP, 7L);
    assertThat(EndpointOffset.fromMap(stored)).isEqualTo(offset);
    assertThat(EndpointOffset.fromMap(null)).isNull();
  }

  @Test
  void holdsOnlyThePrimitiveValuesConnectCanStore() {
    EndpointOffset offset = new EndpointOffset("c9", null, null, "t", 1L, 0, "e\"1", List.of("a,b", "c\"d"), List.of("x"));

    OffsetUtils.validateFormat(offset.toMap());
    assertThat(EndpointOffset.fromMap(offset.toMap())).isEqualTo(offset);
  }

  @Test
  void leavesOutWhatIsNotSet() {
    assertThat(EndpointOffset.start("c1", null, null, null).toMap()).isEqualTo(Map.of("cursor", "c1", "skip", 0));
  }

  @Test
  void validatesWhatUsersWriteThroughTheRestApi() {
    EndpointOffset.validate(Map.of("endpoint", "default"), Map.of("offset", 10L));
    EndpointOffset.validate(Map.of("endpoint", "default"), null);
    assertThatThrownBy(() -> EndpointOffset.validate(Map.of("url", "x"), Map.of())).hasMessageContaining("endpoint");
    assertThatThrownBy(() -> EndpointOffset.validate(Map.of("endpoint", "a"), Map.of("skip", -1)))
        .hasMessageContaining("skip");
    assertThatThrownBy(() -> EndpointOffset.validate(Map.of("endpoint", "a"), Map.of("cursor", 5)))
        .hasMessageContaining("cursor must be a string");
  }
}
