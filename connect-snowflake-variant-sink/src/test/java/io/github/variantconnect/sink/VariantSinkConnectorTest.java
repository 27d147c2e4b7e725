package io.github.variantconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.sink.config.VariantSinkConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantSinkConnectorTest {

  private final VariantSinkConnector connector = new VariantSinkConnector();

  @TempDir
  Path dir;

  private Map<String, String> valid() {
    Map<String, String> props = new HashMap<>();
    props.put("connector.class", VariantSinkConnector.class.getName());
    props.put("topics", "ats-telemetry,clickstream-http-data");
    props.put("topic2table.map", "ats-telemetry:ATS_RAW_JSON,clickstream-.*:CLICKSTREAM_RAW");
    props.put("duckdb.path", dir.resolve("new/dir/variant.duckdb").toString());
    return props;
  }

  @Test
  void aValidConfigHasNoErrors() {
    assertThat(errors(valid())).isEmpty();
  }

  @Test
  void anInvalidTableNameFailsOnTopic2TableMap() {
    Map<String, String> props = valid();
    props.put("topic2table.map", "ats-telemetry:ATS RAW");

    Map<String, List<String>> errors = errors(props);

    assertThat(errors).containsOnlyKeys("topic2table.map");
    assertThat(errors.get("topic2table.map").get(0)).contains("'ATS RAW'").contains("letters, digits");
  }

  @Test
  void theDuckDbPathIsRequiredAbsoluteAndCreatable() {
    Map<String, String> props = valid();
    props.remove("duckdb.path");
    assertThat(errors(props).get("duckdb.path")).singleElement().asString().contains("required");

    props.put("duckdb.path", "relative.duckdb");
    assertThat(errors(props).get("duckdb.path")).singleElement().asString().contains("absolute");

    props.put("duckdb.path", dir.toString());
    assertThat(errors(props).get("duckdb.path")).singleElement().asString().contains("is a directory");
  }

  @Test
  void unknownTargetsAndNullBehavioursAreRejectedOnTheirKeys() {
    Map<String, String> props = valid();
    props.put("variant.target", "oracle");
    props.put("behavior.on.null.values", "DROP");

    assertThat(errors(props)).containsOnlyKeys("variant.target", "behavior.on.null.values");
  }

  @Test
  void flushTimeInMillisecondsReplacesTheSecondsWhenSet() {
    Map<String, String> props = valid();
    props.put("buffer.flush.time", "5");
    assertThat(new VariantSinkConfig(props).bufferFlushTime()).isEqualTo(Duration.ofSeconds(5));

    props.put("buffer.flush.time.ms", "250");
    assertThat(errors(props)).isEmpty();
    assertThat(new VariantSinkConfig(props).bufferFlushTime()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void flushTimesOutOfRangeFailOnTheirKeys() {
    Map<String, String> props = valid();
    props.put("buffer.flush.time", "0");
    props.put("buffer.flush.time.ms", "5");

    Map<String, List<String>> errors = errors(props);

    assertThat(errors).containsOnlyKeys("buffer.flush.time", "buffer.flush.time.ms");
    assertThat(errors.get("buffer.flush.time.ms").get(0)).contains("at least 10");
    props.put("buffer.flush.time.ms", "soon");
    assertThat(errors(props).get("buffer.flush.time.ms")).singleElement().asString().contains("soon");
  }

  @Test
  void everyKeyIsDocumentedGroupedAndValidated() {
    for (ConfigDef.ConfigKey key : VariantSinkConfig.CONFIG_DEF.configKeys().values()) {
      assertThat(key.documentation).as(key.name).isNotBlank();
      assertThat(key.group).as(key.name).isNotBlank();
      assertThat(key.hasDefault()).as(key.name).isTrue();
      if (key.type != ConfigDef.Type.BOOLEAN) {
        assertThat(key.validator).as(key.name).isNotNull();
      }
    }
    assertThat(VariantSinkConfig.CONFIG_DEF.names()).contains("duckdb.path", "snowflake.metadata.all",
        "buffer.flush.time", "buffer.flush.time.ms", "topic2table.map");
  }

  @Test
  void everyTaskGetsTheConfigAndItsNumber() {
    connector.start(valid());
    List<Map<String, String>> configs = connector.taskConfigs(3);

    assertThat(configs).hasSize(3);
    assertThat(configs).extracting(c -> c.get(VariantSinkConnector.TASK_ID)).containsExactly("0", "1", "2");
    assertThat(configs.get(2)).containsEntry("topic2table.map", valid().get("topic2table.map"));
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
