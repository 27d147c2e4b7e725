package io.github.variantconnect.quickstart.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TargetLagTest {

  @Test
  void readsShortFormsAndIso() {
    assertThat(TargetLag.parse("k", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(TargetLag.parse("k", "3s")).isEqualTo(Duration.ofSeconds(3));
    assertThat(TargetLag.parse("k", " 1m ")).isEqualTo(Duration.ofMinutes(1));
    assertThat(TargetLag.parse("k", "2h")).isEqualTo(Duration.ofHours(2));
    assertThat(TargetLag.parse("k", "PT1M")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void rejectsWhatIsNoLagNamingTheKey() {
    for (String bad : new String[] {"0s", "-1s", "soon", "PT0S", "99999999999s", ""}) {
      assertThatThrownBy(() -> TargetLag.parse("quickstart.target.lag", bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("quickstart.target.lag");
    }
  }
}
