package io.github.variantconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"ats-telemetry", "clickstream.http_data", "a"})
  void acceptsLegalNames(String topic) {
    assertThat(TopicNames.check("topic", topic)).isEqualTo(topic);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "clicks/raw", "ats alerts", "é"})
  void refusesIllegalNamesOnTheirKey(String topic) {
    assertThatThrownBy(() -> TopicNames.check("alerts.topic", topic))
        .isInstanceOfSatisfying(KeyedConfigException.class, e -> assertThat(e.key()).isEqualTo("alerts.topic"))
        .hasMessageContaining("is not a legal topic name");
  }

  @Test
  void refusesNamesLongerThanKafkaAllows() {
    assertThatCode(() -> TopicNames.check("topic", "t".repeat(249))).doesNotThrowAnyException();
    assertThatThrownBy(() -> TopicNames.check("topic", "t".repeat(250))).hasMessageContaining("1 to 249");
  }

  @Test
  void theOptionalValidatorTakesEmptyAsNoTopic() {
    assertThatCode(() -> TopicNames.optionalValidator().ensureValid("alerts.topic", " ")).doesNotThrowAnyException();
    assertThatThrownBy(() -> TopicNames.validator().ensureValid("topic", " ")).isInstanceOf(KeyedConfigException.class);
    assertThatThrownBy(() -> TopicNames.optionalValidator().ensureValid("alerts.topic", "a b"))
        .isInstanceOf(KeyedConfigException.class);
    assertThat(TopicNames.optionalValidator().toString()).startsWith("empty or a topic name");
  }
}
