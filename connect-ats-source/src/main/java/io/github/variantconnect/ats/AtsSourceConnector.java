package io.github.variantconnect.ats;

import io.github.variantconnect.ats.config.AtsSourceConfig;
import io.github.variantconnect.ats.config.ValueFormat;
import io.github.variantconnect.ats.sim.Line;
import io.github.variantconnect.ats.sim.MetroNetwork;
import io.github.variantconnect.ats.source.TrainOffset;
import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.common.config.KeyedValidation;
import java.time.Instant;
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
 * Train telemetry from a simulated metro network under Automatic Train Supervision. Trains are
 * split over tasks in line order; each train's position lives in Connect source offsets.
 */
public class AtsSourceConnector extends SourceConnector {

  /** Task config: the trains a task emits, comma-separated. */
  static final String TASK_TRAINS = "task.trains";
  /** Task config: simulated start and its wall-clock anchor, for trains without offsets. */
  static final String TASK_SIM_START_MS = "task.sim.start.ms";
  static final String TASK_ANCHOR_MS = "task.anchor.ms";
  private static final String VALUE_CONVERTER = "value.converter";

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
    int tasks = Math.min(maxTasks, trains.size());
    List<Map<String, String>> configs = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      // Contiguous slices keep a task's trains on as few lines as possible: fewer lines to simulate.
      int from = t * trains.size() / tasks;
      int to = (t + 1) * trains.size() / tasks;
      Map<String, String> taskProps = new HashMap<>(props);
      taskProps.put(TASK_TRAINS, String.join(",", trains.subList(from, to)));
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
    KeyedValidation validation = KeyedValidation.of(super.validate(connectorConfigs), connectorConfigs);
    if (validation.keysValid()) {
      validation.addAll(crossKeyErrors(new AtsSourceConfig(connectorConfigs), connectorConfigs));
    }
    return validation.result();
  }

  static List<KeyError> crossKeyErrors(AtsSourceConfig config, Map<String, String> connectorConfigs) {
    List<KeyError> errors = new ArrayList<>();
    List<String> selected;
    try {
      selected = selectedTrains(config.network(), config.lines());
    } catch (ConfigException e) {
      errors.add(new KeyError(AtsSourceConfig.LINES, e.getMessage()));
      return errors;
    }
    String tasksMax = connectorConfigs.get("tasks.max");
    if (tasksMax != null && tasksMax.trim().matches("\\d+") && Integer.parseInt(tasksMax.trim()) > selected.size()) {
      errors.add(new KeyError("tasks.max", "tasks.max is " + tasksMax.trim() + " but the selected lines have only "
          + selected.size() + " trains; use at most " + selected.size() + " tasks"));
    }
    if (!config.alertsTopic().isEmpty() && config.alertsTopic().equals(config.topic())) {
      errors.add(new KeyError(AtsSourceConfig.ALERTS_TOPIC,
          "alerts.topic must differ from topic (" + config.topic() + "), or be empty"));
    }
    String valueConverter = connectorConfigs.get(VALUE_CONVERTER);
    if (config.valueFormat() == ValueFormat.JSON && valueConverter != null
        && !valueConverter.trim().equals(ValueFormat.BYTE_ARRAY_CONVERTER)) {
      // Any other converter would re-encode the ready JSON bytes (the JsonConverter as a base64 string).
      errors.add(new KeyError(AtsSourceConfig.VALUE_FORMAT, "value.format=json emits finished JSON bytes and"
          + " needs value.converter=" + ValueFormat.BYTE_ARRAY_CONVERTER + ", not " + valueConverter.trim()));
    }
    return errors;
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
