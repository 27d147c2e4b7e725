package io.github.variantconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorsToleranceTest {

  @Test
  void onlyAllInAnyCaseTolerates() {
    assertThat(ErrorsTolerance.all(Map.of("errors.tolerance", " ALL "))).isTrue();
    assertThat(ErrorsTolerance.all(Map.of("errors.tolerance", "none"))).isFalse();
    assertThat(ErrorsTolerance.all(Map.of())).isFalse();
  }
}
