package io.github.variantconnect.ats;

import io.github.variantconnect.ats.config.AtsSourceConfig;
import io.github.variantconnect.ats.config.ValueFormat;
import io.github.variantconnect.ats.sim.Line;
import io.github.variantconnect.ats.sim.MetroNetwork;
import io.github.variantconnect.ats.source.TrainOffset;
import java.time.Instant;
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
 * Train telemetry from a simulated metro network under Automatic Train Supervision. Trains are
 * split over tasks by {@link TrainAssignment}; each train's position lives in Connect source offsets.
 */
public class AtsSourceConnector extends SourceConnector {

  /** Task config: the trains a task emits, comma-separated. */
  static final String TASK_TRAINS = "task.trains";
  /** Task config: simulated start and its wall-clock anchor, for trains without offsets. */
  static final String TASK_SIM_START_MS = "task.sim.start.ms";
  static final String TASK_ANCHOR_MS = "task.anchor.ms";

  private Map<String, String> props;
  private List<String> trains;

  @Override
  public String version() {
    return Versions.of(getClass());
  }

  @Override
  public void start(Map<String, String> props) {
    AtsSourceConfig config = new AtsSourceConfig(props);
    this.props = Map.copyOf(props);
    this.trains = selectedTrains(config.network(), config.lines());
  }

  @Override
  public Class<? extends Task> taskClass() {
    return AtsSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    AtsSourceConfig config = new AtsSourceConfig(props);
    long anchorMs = System.currentTimeMillis();
    Instant start = config.simStart() != null ? config.simStart() : Instant.ofEpochMilli(anchorMs);
    List<List<String>> slices = TrainAssignment.split(config.network(), trains, maxTasks);
    List<Map<String, String>> configs = new ArrayList<>(slices.size());
    for (List<String> slice : slices) {
      Map<String, String> taskProps = new HashMap<>(props);
      taskProps.put(TASK_TRAINS, String.join(",", slice));
      taskProps.put(TASK_SIM_START_MS, Long.toString(start.toEpochMilli()));
      taskProps.put(TASK_ANCHOR_MS, Long.toString(anchorMs));
      configs.add(taskProps);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return AtsSourceConfig.CONFIG_DEF;
  }

  /** Per-key checks first, then those that need several keys, each reported on its key. */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config result = super.validate(connectorConfigs);
    Map<String, ConfigValue> values = new HashMap<>();
    result.configValues().forEach(v -> values.put(v.name(), v));
    boolean keysValid = values.values().stream().allMatch(v -> v.errorMessages().isEmpty());
    if (!keysValid) {
      return result;
    }
    AtsSourceConfig config = new AtsSourceConfig(connectorConfigs);
    MetroNetwork network = config.network();
    List<String> selected;
    try {
      selected = selectedTrains(network, config.lines());
    } catch (ConfigException e) {
      values.get(AtsSourceConfig.LINES).addErrorMessage(e.getMessage());
      return result;
    }
    String tasksMax = connectorConfigs.get("tasks.max");
    if (tasksMax != null && tasksMax.trim().matches("\\d+") && Integer.parseInt(tasksMax.trim()) > selected.size()) {
      ConfigValue tasks = values.get("tasks.max");
      String message = "tasks.max is " + tasksMax.trim() + " but the selected lines have only " + selected.size()
          + " trains; use at most " + selected.size() + " tasks";
      if (tasks != null) {
        tasks.addErrorMessage(message);
      } else {
        ConfigValue added = new ConfigValue("tasks.max", tasksMax, List.of(), List.of(message));
        result.configValues().add(added);
      }
    }
    if (!config.alertsTopic().isEmpty() && config.alertsTopic().equals(config.topic())) {
      values.get(AtsSourceConfig.ALERTS_TOPIC).addErrorMessage(
          "alerts.topic must differ from topic (" + config.topic() + "), or be empty");
    }
    String valueConverter = connectorConfigs.get(AtsSourceConfig.VALUE_CONVERTER);
    boolean byteArray = ValueFormat.isByteArrayConverter(valueConverter);
    if (config.valueFormat() == ValueFormat.JSON && valueConverter != null && !byteArray) {
      // Any other converter would re-encode the ready JSON bytes (the JsonConverter as a base64 string).
      values.get(AtsSourceConfig.VALUE_FORMAT).addErrorMessage("value.format=json emits finished JSON bytes and"
          + " needs value.converter=" + ValueFormat.BYTE_ARRAY_CONVERTER + ", not " + valueConverter.trim());
    }
    if (config.valueFormat() == ValueFormat.STRUCT && byteArray) {
      values.get(AtsSourceConfig.VALUE_FORMAT).addErrorMessage("value.format=struct emits Structs, which "
          + ValueFormat.BYTE_ARRAY_CONVERTER + " refuses; use value.format=auto or json with it");
    }
    return result;
  }

  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    // Each record carries its train's offset; the simulation is a pure function of the stored offsets,
    // so replaying after an aborted transaction recreates the identical records.
    return ExactlyOnceSupport.SUPPORTED;
  }

  @Override
  public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    offsets.forEach(TrainOffset::validate);
    return true;
  }

  static List<String> selectedTrains(MetroNetwork network, List<String> lineIds) {
    if (lineIds.isEmpty()) {
      return network.trainIds();
    }
    List<String> trains = new ArrayList<>();
    for (String id : lineIds) {
      Line line = network.line(id.trim()).orElseThrow(() -> new ConfigException(
          AtsSourceConfig.LINES, lineIds, "unknown line '" + id.trim() + "'; the network has "
              + network.lines().stream().map(Line::id).toList()));
      trains.addAll(line.trainIds());
    }
    return trains;
  }
}
