package io.github.variantconnect.ats.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.TelemetryContract;
import org.apache.kafka.connect.data.Field;
import org.junit.jupiter.api.Test;

/** The schema the source emits is the contract the benchmarks and DESIGN.md rely on. */
class TelemetrySchemaContractTest {

  @Test
  void theEmittedSchemaIsTheTestkitsContractFieldForField() {
    assertThat(TelemetrySchema.VALUE.fields()).extracting(Field::name)
        .containsExactlyElementsOf(TelemetryContract.VALUE.fields().stream().map(Field::name).toList());
    assertThat(TelemetrySchema.VALUE).isEqualTo(TelemetryContract.VALUE);
  }
}
