package io.github.variantconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({"30s,30000", "500ms,500", "1m,60000", "2h,7200000", "PT30S,30000", " 15 s ,15000"})
  void parsesTheFormsUsersWrite(String text, long millis) {
    assertThat(DurationParser.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({"soon", "30x", "-5s", "''"})
  void rejectsAnythingElseWithAHint(String text) {
    assertThatThrownBy(() -> DurationParser.parse(text)).hasMessageContaining("e.g. 30s");
  }
}
