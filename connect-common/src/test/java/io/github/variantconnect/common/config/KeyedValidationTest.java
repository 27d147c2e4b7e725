package io.github.variantconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class KeyedValidationTest {

  private static Config perKey(ConfigValue... values) {
    return new Config(new ArrayList<>(List.of(values)));
  }

  private static ConfigValue value(String name, String... errors) {
    return new ConfigValue(name, null, List.of(), new ArrayList<>(List.of(errors)));
  }

  private static Optional<ConfigValue> find(Config config, String name) {
    return config.configValues().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  @Test
  void tellsWhetherKeysPassedTheirOwnValidators() {
    KeyedValidation clean = KeyedValidation.of(perKey(value("topic"), value("mode")), Map.of());
    KeyedValidation failed = KeyedValidation.of(perKey(value("topic", "not a legal topic name"), value("mode")), Map.of());

    assertThat(clean.keysValid()).isTrue();
    assertThat(failed.keysValid()).isFalse();
    assertThat(failed.keyValid("mode")).isTrue();
    assertThat(failed.keyValid("topic")).isFalse();
    assertThat(failed.keyValid("undefined")).isFalse();
  }

  @Test
  void attachesEachErrorToItsKeyAndAddsKeysTheConfigDefDoesNotDefine() {
    KeyedValidation validation = KeyedValidation.of(perKey(value("alerts.topic")), Map.of("tasks.max", "9"));

    validation.addAll(List.of(new KeyError("alerts.topic", "must differ from topic"),
        new KeyError("tasks.max", "use at most 4 tasks")));

    Config result = validation.result();
    assertThat(find(result, "alerts.topic").orElseThrow().errorMessages()).containsExactly("must differ from topic");
    ConfigValue tasks = find(result, "tasks.max").orElseThrow();
    assertThat(tasks.value()).isEqualTo("9");
    assertThat(tasks.errorMessages()).containsExactly("use at most 4 tasks");
  }

  @Test
  void aKeyThatFailedItsOwnValidatorKeepsThatMessage() {
    KeyedValidation validation = KeyedValidation.of(perKey(value("duckdb.path", "must be an absolute path")), Map.of());

    validation.add(new KeyedConfigException("duckdb.path", "x", "is required"));

    assertThat(find(validation.result(), "duckdb.path").orElseThrow().errorMessages())
        .containsExactly("must be an absolute path");
  }
}
