package io.github.variantconnect.http;

import io.github.variantconnect.http.config.EndpointSpec;
import io.github.variantconnect.http.config.HttpSourceConfig;
import io.github.variantconnect.http.config.KeyError;
import io.github.variantconnect.http.config.KeyedConfigException;
import io.github.variantconnect.http.source.EndpointOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Polls JSON HTTP APIs into Kafka. Endpoints are spread over tasks so each is polled by exactly one
 * task; each endpoint's position lives in Connect source offsets.
 */
public class HttpSourceConnector extends SourceConnector {

  /** Task config: the names of the endpoints a task polls, comma-separated. */
  static final String TASK_ENDPOINTS = "task.endpoints";
  /** Task config: the task's number, for metric names and logs. */
  static final String TASK_INDEX = "task.index";

  private Map<String, String> props;
  private List<EndpointSpec> endpoints;

  @Override
  public String version() {
    return Versions.of(getClass());
  }

  @Override
  public void start(Map<String, String> props) {
    HttpSourceConfig config = new HttpSourceConfig(props);
    this.props = Map.copyOf(props);
    this.endpoints = config.endpoints();
  }

  @Override
  public Class<? extends Task> taskClass() {
    return HttpSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    int tasks = Math.max(1, Math.min(maxTasks, endpoints.size()));
    List<List<String>> assigned = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      assigned.add(new ArrayList<>());
    }
    for (int i = 0; i < endpoints.size(); i++) {
      assigned.get(i % tasks).add(endpoints.get(i).name());
    }
    List<Map<String, String>> configs = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      Map<String, String> taskProps = new HashMap<>(props);
      taskProps.put(TASK_ENDPOINTS, String.join(",", assigned.get(t)));
      taskProps.put(TASK_INDEX, Integer.toString(t));
      configs.add(taskProps);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return HttpSourceConfig.CONFIG_DEF;
  }

  /** Per-key checks first, then those that need several keys, each reported on the key to fix. */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config result = super.validate(connectorConfigs);
    Map<String, ConfigValue> values = new HashMap<>();
    result.configValues().forEach(v -> values.put(v.name(), v));
    if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
      return result;
    }
    HttpSourceConfig config;
    try {
      config = new HttpSourceConfig(connectorConfigs);
    } catch (KeyedConfigException e) {
      addError(result, values, e.key(), e.reason());
      return result;
    } catch (ConfigException e) {
      addError(result, values, "http.url", e.getMessage());
      return result;
    }
    for (KeyError error : config.crossKeyErrors()) {
      addError(result, values, error.key(), error.message());
    }
    return result;
  }

  private static void addError(Config result, Map<String, ConfigValue> values, String key, String message) {
    ConfigValue value = values.get(key);
    if (value == null) {
      // Per-endpoint keys are not in the ConfigDef; report them under their own name all the same.
      value = new ConfigValue(key);
      values.put(key, value);
      result.configValues().add(value);
    }
    value.addErrorMessage(message);
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    // Every record carries its endpoint's position; after an aborted transaction the task rereads from
    // the last committed position and the API gives the same items again.
    return ExactlyOnceSupport.SUPPORTED;
  }

  @Override
  public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    offsets.forEach(EndpointOffset::validate);
    return true;
  }
}
