package io.github.variantconnect.ats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.ats.config.AtsSourceConfig;
import io.github.variantconnect.ats.config.ValueFormat;
import io.github.variantconnect.ats.sim.MetroNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

class AtsSourceConnectorTest {

  private final AtsSourceConnector connector = new AtsSourceConnector();

  @Test
  void splitsAllTrainsOverTasksInDisjointContiguousSlices() {
    connector.start(Map.of("sim.start", "2026-01-05T00:00:00Z"));
    List<Map<String, String>> configs = connector.taskConfigs(4);

    List<String> assigned = new ArrayList<>();
    configs.forEach(c -> assigned.addAll(List.of(c.get(AtsSourceConnector.TASK_TRAINS).split(","))));
    assertThat(configs).hasSize(4);
    assertThat(assigned).isEqualTo(MetroNetwork.defaultNetwork().trainIds());
    assertThat(configs).extracting(c -> c.get(AtsSourceConnector.TASK_SIM_START_MS)).containsOnly(
        Long.toString(java.time.Instant.parse("2026-01-05T00:00:00Z").toEpochMilli()));
  }

  @Test
  void neverCreatesMoreTasksThanTrains() {
    connector.start(Map.of("lines", MetroNetwork.defaultNetwork().lines().get(0).id()));
    int trains = MetroNetwork.defaultNetwork().lines().get(0).trainIds().size();
    assertThat(connector.taskConfigs(trains + 10)).hasSize(trains);
  }

  @Test
  void validateReportsTooManyTasksOnTasksMax() {
    int trains = MetroNetwork.defaultNetwork().trainCount();
    Map<String, String> props = new HashMap<>(Map.of("tasks.max", Integer.toString(trains + 1)));

    assertThat(errors(props)).containsOnlyKeys("tasks.max");
    assertThat(errors(props).get("tasks.max").get(0)).contains("only " + trains + " trains");
  }

  @Test
  void validateReportsAnUnknownLineOnLines() {
    Map<String, List<String>> errors = errors(Map.of("lines", "NOPE"));
    assertThat(errors).containsOnlyKeys("lines");
    assertThat(errors.get("lines").get(0)).contains("unknown line 'NOPE'");
  }

  @Test
  void validateReportsAnAlertsTopicEqualToTheTopic() {
    assertThat(errors(Map.of("topic", "t", "alerts.topic", "t"))).containsOnlyKeys("alerts.topic");
  }

  @Test
  void validateReportsIllegalTopicNamesOnTheirKeys() {
    assertThat(errors(Map.of("topic", "ats telemetry"))).containsOnlyKeys("topic");
    assertThat(errors(Map.of("topic", ".."))).containsOnlyKeys("topic");
    assertThat(errors(Map.of("alerts.topic", "ats/alerts"))).containsOnlyKeys("alerts.topic");
    assertThat(errors(Map.of("topic", "ats.telemetry_v2", "alerts.topic", ""))).isEmpty();
  }

  @Test
  void valueFormatAndRecordTimestampAcceptAnyCase() {
    assertThat(errors(Map.of("value.format", "JSON", "value.converter",
        "org.apache.kafka.connect.converters.ByteArrayConverter", "record.timestamp", "Wall_Clock"))).isEmpty();
  }

  @Test
  void validateReportsAnUnknownValueFormat() {
    Map<String, List<String>> errors = errors(Map.of("value.format", "xml"));
    assertThat(errors).containsOnlyKeys("value.format");
    assertThat(errors.get("value.format").get(0)).containsIgnoringCase("struct").containsIgnoringCase("json");
  }

  @Test
  void validateReportsTheJsonValueFormatWithAConverterThatWouldEncodeItAgain() {
    Map<String, List<String>> errors = errors(Map.of(
        "value.format", "json", "value.converter", "org.apache.kafka.connect.json.JsonConverter"));
    assertThat(errors).containsOnlyKeys("value.format");
    assertThat(errors.get("value.format").get(0)).contains("ByteArrayConverter");

    assertThat(errors(Map.of("value.format", "JSON",
        "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"))).isEmpty();
    assertThat(errors(Map.of("value.format", "struct",
        "value.converter", "org.apache.kafka.connect.json.JsonConverter"))).isEmpty();
  }

  @Test
  void validateReportsStructsForTheByteArrayConverterWhichWouldRefuseThem() {
    Map<String, List<String>> errors = errors(Map.of(
        "value.format", "struct", "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"));
    assertThat(errors).containsOnlyKeys("value.format");
    assertThat(errors.get("value.format").get(0)).contains("auto");
  }

  @Test
  void autoValueFormatWritesJsonForTheByteArrayConverterAndStructsForAnyOther() {
    String byteArray = "org.apache.kafka.connect.converters.ByteArrayConverter";
    assertThat(new AtsSourceConfig(Map.of("value.converter", byteArray)).valueFormat()).isEqualTo(ValueFormat.JSON);
    assertThat(new AtsSourceConfig(Map.of("value.converter", "org.apache.kafka.connect.json.JsonConverter"))
        .valueFormat()).isEqualTo(ValueFormat.STRUCT);
    // No converter on the connector: the worker's applies, which may be any.
    assertThat(new AtsSourceConfig(Map.of()).valueFormat()).isEqualTo(ValueFormat.STRUCT);
    assertThat(errors(Map.of("value.converter", byteArray))).isEmpty();
  }

  @Test
  void validateReportsAnUnknownRecordTimestamp() {
    assertThat(errors(Map.of("record.timestamp", "now"))).containsOnlyKeys("record.timestamp");
    assertThat(errors(Map.of("record.timestamp", "wall_clock"))).isEmpty();
  }

  @Test
  void declaresExactlyOnceSupport() {
    assertThat(connector.exactlyOnceSupport(Map.of())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
  }

  private Map<String, List<String>> errors(Map<String, String> props) {
    Map<String, List<String>> errors = new HashMap<>();
    for (ConfigValue value : connector.validate(props).configValues()) {
      if (!value.errorMessages().isEmpty()) {
        errors.put(value.name(), value.errorMessages());
      }
    }
    return errors;
  }
}
