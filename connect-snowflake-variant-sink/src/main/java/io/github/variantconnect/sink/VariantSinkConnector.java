package io.github.variantconnect.sink;

import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.common.config.KeyedValidation;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.target.TargetProviders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
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
    KeyedValidation validation = KeyedValidation.of(super.validate(connectorConfigs), connectorConfigs);
    if (!validation.keyValid(VariantSinkConfig.TARGET)) {
      return validation.result();
    }
    List<KeyError> crossKey = VariantSinkConfig.crossKeyErrors(connectorConfigs);
    validation.addAll(crossKey);
    if (!crossKey.isEmpty()) {
      return validation.result();
    }
    String name = VariantSinkConfig.targetName(connectorConfigs);
    validation.addAll(TargetProviders.byName(name).validate(connectorConfigs));
    return validation.result();
  }
}
