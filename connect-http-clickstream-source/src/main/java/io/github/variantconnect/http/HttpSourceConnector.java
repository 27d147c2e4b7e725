package io.github.variantconnect.http;

import io.github.variantconnect.common.config.KeyedConfigException;
import io.github.variantconnect.common.config.KeyedValidation;
import io.github.variantconnect.http.config.EndpointSpec;
import io.github.variantconnect.http.config.HttpSourceConfig;
import io.github.variantconnect.http.source.EndpointOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
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
    KeyedValidation validation = KeyedValidation.of(super.validate(connectorConfigs), connectorConfigs);
    if (!validation.keysValid()) {
      return validation.result();
    }
    HttpSourceConfig config;
    try {
      config = new HttpSourceConfig(connectorConfigs);
    } catch (KeyedConfigException e) {
      validation.add(e);
      return validation.result();
    } catch (ConfigException e) {
      validation.add("http.url", e.getMessage());
      return validation.result();
    }
    validation.addAll(config.crossKeyErrors());
    return validation.result();
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
