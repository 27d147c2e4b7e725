package io.github.variantconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnumKeysTest {

  enum Mode { CURSOR, NEXT_LINK, NONE }

  @Test
  void parsesAnyCaseAndDashesAsUnderscores() {
    assertThat(EnumKeys.parse(Mode.class, "mode", " Next-Link ")).isEqualTo(Mode.NEXT_LINK);
    assertThat(EnumKeys.parse(Mode.class, "mode", "CURSOR")).isEqualTo(Mode.CURSOR);
  }

  @Test
  void anUnknownValueNamesTheKeyAndTheChoices() {
    assertThatThrownBy(() -> EnumKeys.parse(Mode.class, "pagination.mode", "pages"))
        .isInstanceOfSatisfying(KeyedConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("pagination.mode");
          assertThat(e.reason()).isEqualTo("must be one of cursor, next_link, none");
        });
  }

  @Test
  void constantsAreWrittenInLowerCase() {
    assertThat(EnumKeys.name(Mode.NEXT_LINK)).isEqualTo("next_link");
    assertThat(EnumKeys.recommender(Mode.class).validValues("mode", Map.of()))
        .containsExactly("cursor", "next_link", "none");
  }

  @Test
  void theValidatorCanRefuseAValueWithItsOwnReason() {
    EnumKeys.Validator<Mode> validator = EnumKeys.validator(Mode.class).refusing("offset", "offset paging is not supported; use cursor");

    assertThatCode(() -> validator.ensureValid("mode", "none")).doesNotThrowAnyException();
    assertThatThrownBy(() -> validator.ensureValid("mode", "OFFSET")).hasMessageContaining("offset paging is not supported");
    assertThatThrownBy(() -> validator.ensureValid("mode", "pages")).hasMessageContaining("must be one of");
    assertThat(validator.toString()).isEqualTo("one of cursor, next_link, none");
  }
}
