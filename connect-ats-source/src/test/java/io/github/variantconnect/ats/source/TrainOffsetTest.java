package io.github.variantconnect.ats.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainOffsetTest {

  @Test
  void roundTripsThroughTheStoredMap() {
    TrainOffset offset = new TrainOffset(41, 1_700_000_000_000L, 1_700_000_001_000L);
    assertThat(TrainOffset.fromMap(offset.toMap())).isEqualTo(offset);
  }

  @Test
  void readsNumbersOfAnyWidthAsConnectMayStoreThem() {
    Map<String, Object> stored = Map.of("seq", 3, "sim_start_ms", 10L, "anchor_ms", 20.0);
    assertThat(TrainOffset.fromMap(stored)).isEqualTo(new TrainOffset(3, 10, 20));
  }

  @Test
  void noStoredOffsetStaysNull() {
    assertThat(TrainOffset.fromMap(null)).isNull();
  }

  @Test
  void validationRejectsAWrongPartitionOrOffset() {
    assertThatThrownBy(() -> TrainOffset.validate(Map.of("train", "L1-T01"), Map.of("seq", 1)))
        .hasMessageContaining("train_id");
    assertThatThrownBy(() -> TrainOffset.validate(TrainOffset.partition("L1-T01"), Map.of("seq", "x")))
        .hasMessageContaining("seq");
    assertThatThrownBy(() -> TrainOffset.validate(
            TrainOffset.partition("L1-T01"), Map.of("seq", -1, "sim_start_ms", 0, "anchor_ms", 0)))
        .hasMessageContaining(">= 0");
  }

  @Test
  void validationAcceptsAResetAndAGoodOffset() {
    TrainOffset.validate(TrainOffset.partition("L1-T01"), null);
    TrainOffset.validate(TrainOffset.partition("L1-T01"), new TrainOffset(5, 0, 0).toMap());
  }
}
