package io.github.variantconnect.sink;

import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.target.TargetProviders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Lands any topic in tables of two JSON columns, RECORD_METADATA and RECORD_CONTENT — the shape of
 * the official Snowflake connector — exactly once, in the target chosen by {@code variant.target}.
 */
public class VariantSinkConnector extends SinkConnector {

  /** Task config: the task's number, for its metrics. */
  static final String TASK_ID = "variant.task.id";

  private Map<String, String> props;

  @Override
  public String version() {
    return Versions.of(getClass());
  }

  @Override
  public void start(Map<String, String> props) {
    new VariantSinkConfig(props);
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return VariantSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>(maxTasks);
    for (int i = 0; i < maxTasks; i++) {
      Map<String, String> task = new HashMap<>(props);
      task.put(TASK_ID, Integer.toString(i));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return VariantSinkConfig.CONFIG_DEF;
  }

  /** Per-key checks first; then the selected target's own checks, each reported on its key. */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config result = super.validate(connectorConfigs);
    Map<String, ConfigValue> values = new HashMap<>();
    result.configValues().forEach(v -> values.put(v.name(), v));
    ConfigValue target = values.get(VariantSinkConfig.TARGET);
    if (target == null || !target.errorMessages().isEmpty()) {
      return result;
    }
    String name = new VariantSinkConfig(withoutInvalidKeys(connectorConfigs, values)).targetName();
    TargetProviders.byName(name).validate(connectorConfigs).forEach((key, message) -> {
      ConfigValue value = values.get(key);
      if (value == null) {
        result.configValues().add(new ConfigValue(key, connectorConfigs.get(key), List.of(), List.of(message)));
      } else if (value.errorMessages().isEmpty()) {
        // A key that already failed its own validator keeps that one, most specific message.
        value.addErrorMessage(message);
      }
    });
    return result;
  }

  /** The config minus keys that already failed, so parsing it cannot fail on them again. */
  private static Map<String, String> withoutInvalidKeys(Map<String, String> config, Map<String, ConfigValue> values) {
    Map<String, String> copy = new HashMap<>(config);
    values.forEach((key, value) -> {
      if (!value.errorMessages().isEmpty()) {
        copy.remove(key);
      }
    });
    return copy;
  }
}
