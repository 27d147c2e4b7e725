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

  /**
   * Per-key checks first; then checks between core keys; then the selected target's own checks, each
   * reported on its key. Nothing here reaches out to a store: validation works offline.
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config result = super.validate(connectorConfigs);
    Map<String, ConfigValue> values = new HashMap<>();
    result.configValues().forEach(v -> values.put(v.name(), v));
    ConfigValue target = values.get(VariantSinkConfig.TARGET);
    if (target == null || !target.errorMessages().isEmpty()) {
      return result;
    }
    Map<String, String> crossKey = VariantSinkConfig.crossKeyProblems(connectorConfigs);
    report(result, values, connectorConfigs, crossKey);
    if (!crossKey.isEmpty()) {
      return result;
    }
    String name = VariantSinkConfig.targetName(connectorConfigs);
    report(result, values, connectorConfigs, TargetProviders.byName(name).validate(connectorConfigs));
    return result;
  }

  private static void report(Config result, Map<String, ConfigValue> values, Map<String, String> config,
      Map<String, String> problems) {
    problems.forEach((key, message) -> {
      ConfigValue value = values.get(key);
      if (value == null) {
        value = new ConfigValue(key, config.get(key), List.of(), new ArrayList<>(List.of(message)));
        result.configValues().add(value);
        values.put(key, value);
      } else if (value.errorMessages().isEmpty()) {
        // A key that already failed its own validator keeps that one, most specific message.
        value.addErrorMessage(message);
      }
    });
  }
}
