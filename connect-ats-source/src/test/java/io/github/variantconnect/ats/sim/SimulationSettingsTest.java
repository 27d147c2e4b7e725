package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

  @Test
  void defaultsMatchTheDataContract() {
    SimulationSettings defaults = SimulationSettings.defaults(42);
    assertThat(defaults.seed()).isEqualTo(42);
    assertThat(defaults.tick()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.passengerAlertThreshold()).isEqualTo(600);
    assertThat(defaults.powerAlertThresholdKw()).isEqualTo(150.0);
    assertThat(defaults.incidentsPerTrainPerDay()).isPositive();
    assertThat(defaults.outOfServicePerTrainPerDay()).isPositive()
        .isLessThan(defaults.incidentsPerTrainPerDay());
  }

  @Test
  void rejectsNonsense() {
    SimulationSettings d = SimulationSettings.defaults(1);
    assertThatThrownBy(() -> d.withTick(Duration.ZERO)).hasMessageContaining("tick");
    assertThatThrownBy(() -> d.withTick(Duration.ofSeconds(-1))).hasMessageContaining("tick");
    assertThatThrownBy(() -> d.withTick(Duration.ofHours(2))).hasMessageContaining("tick");
    assertThatThrownBy(() -> d.withTick(Duration.ofNanos(1500))).hasMessageContaining("milliseconds");
    assertThatThrownBy(() -> d.withIncidentRates(-1, 0)).hasMessageContaining("incidentsPerTrainPerDay");
    assertThatThrownBy(() -> d.withIncidentRates(0, Double.NaN))
        .hasMessageContaining("outOfServicePerTrainPerDay");
    assertThatThrownBy(() -> new SimulationSettings(1, Duration.ofSeconds(30), -1, 150, 1, 0))
        .hasMessageContaining("passengerAlertThreshold");
  }
}
