package io.github.variantconnect.ats.config;

import io.github.variantconnect.ats.sim.MetroNetwork;
import io.github.variantconnect.ats.sim.NetworkFileException;
import io.github.variantconnect.ats.sim.SimulationSettings;
import io.github.variantconnect.common.config.DurationParser;
import io.github.variantconnect.common.config.EnumKeys;
import io.github.variantconnect.common.config.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Every key of the ATS source connector: type, default, validator and doc, parsed once. */
public final class AtsSourceConfig extends AbstractConfig {

  private static final String GROUP_OUTPUT = "Output";
  private static final String GROUP_NETWORK = "Network";
  private static final String GROUP_SIM = "Simulation";
  private static final String GROUP_ALERTS = "Alerts";
  private static final String GROUP_RATE = "Rate";

  public static final String TOPIC = "topic";
  public static final String TOPIC_DEFAULT = "ats-telemetry";
  public static final String ALERTS_TOPIC = "alerts.topic";
  public static final String VALUE_FORMAT = "value.format";
  public static final String VALUE_FORMAT_DEFAULT = ValueFormat.STRUCT.configValue();
  public static final String RECORD_TIMESTAMP = "record.timestamp";
  public static final String RECORD_TIMESTAMP_DEFAULT = RecordTimestamp.EVENT_TIME.configValue();
  public static final String NETWORK_FILE = "network.file";
  public static final String LINES = "lines";
  public static final String TICK_INTERVAL = "tick.interval";
  public static final String TICK_INTERVAL_DEFAULT = "30s";
  public static final String SIM_SPEEDUP = "sim.speedup";
  public static final String SIM_START = "sim.start";
  public static final String SIM_MAX_TICKS = "sim.max.ticks";
  public static final String RANDOM_SEED = "random.seed";
  public static final String INCIDENTS_PER_DAY = "incidents.per.train.per.day";
  public static final String OUT_OF_SERVICE_PER_DAY = "out.of.service.per.train.per.day";
  public static final String ALERT_PASSENGERS = "alert.passengers.threshold";
  public static final String ALERT_POWER_KW = "alert.power.kw.threshold";
  public static final String BATCH_SIZE = "batch.size";
  public static final String MAX_EVENTS_PER_SECOND = "max.events.per.second";

  private static final SimulationSettings DEFAULTS = SimulationSettings.defaults(42L);

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(TOPIC, Type.STRING, TOPIC_DEFAULT, TopicNames.validator(), Importance.HIGH,
              "Topic for the telemetry events, one per train per tick, keyed by train id.",
              GROUP_OUTPUT, 1, Width.MEDIUM, "Telemetry topic")
          .define(ALERTS_TOPIC, Type.STRING, "", TopicNames.optionalValidator(), Importance.MEDIUM,
              "Optional second topic that receives only the events carrying alerts. Empty: no alert topic.",
              GROUP_OUTPUT, 2, Width.MEDIUM, "Alerts topic")
          .define(VALUE_FORMAT, Type.STRING, VALUE_FORMAT_DEFAULT,
              EnumKeys.validator(ValueFormat.class),
              Importance.MEDIUM,
              "struct: values are Connect Structs with the telemetry schema, for any value converter."
                  + " json: values are the JSON bytes the JsonConverter with schemas.enable=false would write"
                  + " for that Struct, byte for byte, built without the converter's tree; requires"
                  + " value.converter=" + ValueFormat.BYTE_ARRAY_CONVERTER + ".",
              GROUP_OUTPUT, 3, Width.SHORT, "Value format")
          .define(RECORD_TIMESTAMP, Type.STRING, RECORD_TIMESTAMP_DEFAULT,
              EnumKeys.validator(RecordTimestamp.class),
              Importance.MEDIUM,
              "Kafka timestamp of each record. event_time: the simulated time (capped at the wall clock), so"
                  + " a sim.start further back than the topic's retention.ms gets the records deleted by the"
                  + " broker's next retention check. wall_clock: the time the task emitted the record;"
                  + " event_time in the value keeps the simulated time.",
              GROUP_OUTPUT, 4, Width.SHORT, "Record timestamp")
          .define(NETWORK_FILE, Type.STRING, "", new NetworkFileValidator(), Importance.MEDIUM,
              "Path, on the worker, of a JSON file describing a custom metro network (see doc/network-file.md)."
                  + " Empty: the built-in network (6 lines, 115 trains).",
              GROUP_NETWORK, 1, Width.LONG, "Network file")
          .define(LINES, Type.LIST, List.of(), Importance.LOW,
              "Ids of the lines to simulate. Empty: all lines of the network.",
              GROUP_NETWORK, 2, Width.MEDIUM, "Lines")
          .define(TICK_INTERVAL, Type.STRING, TICK_INTERVAL_DEFAULT, DurationParser.atLeast(Duration.ofMillis(100)),
              Importance.MEDIUM,
              "Simulated time between two events of a train, e.g. 30s, 500ms, 1m or PT30S (at least 100ms).",
              GROUP_SIM, 1, Width.SHORT, "Tick interval")
          .define(SIM_SPEEDUP, Type.DOUBLE, 1.0, Range.between(0.001, 1.0e12), Importance.MEDIUM,
              "Simulated seconds per wall-clock second. 1 runs in real time; large values (e.g. 1e9) run as fast"
                  + " as batch.size and max.events.per.second allow.",
              GROUP_SIM, 2, Width.SHORT, "Speed-up")
          .define(SIM_START, Type.STRING, "", new InstantValidator(), Importance.MEDIUM,
              "Simulated start instant, ISO-8601 UTC (e.g. 2026-01-05T00:00:00Z). Empty: the moment the"
                  + " connector first starts. After that the start is kept in the source offsets.",
              GROUP_SIM, 3, Width.MEDIUM, "Simulation start")
          .define(SIM_MAX_TICKS, Type.LONG, 0L, Range.atLeast(0), Importance.LOW,
              "Stop emitting after this many ticks per train (0 = never): a bounded, reproducible run.",
              GROUP_SIM, 4, Width.SHORT, "Max ticks")
          .define(RANDOM_SEED, Type.LONG, 42L, Importance.MEDIUM,
              "Seed of every random choice: the same seed and config give the identical event sequence.",
              GROUP_SIM, 5, Width.SHORT, "Random seed")
          .define(INCIDENTS_PER_DAY, Type.DOUBLE, DEFAULTS.incidentsPerTrainPerDay(), Range.between(0.0, 1000.0),
              Importance.LOW, "Expected incidents (status DELAYED) per train per simulated day.",
              GROUP_SIM, 6, Width.SHORT, "Incident rate")
          .define(OUT_OF_SERVICE_PER_DAY, Type.DOUBLE, DEFAULTS.outOfServicePerTrainPerDay(), Range.between(0.0, 100.0),
              Importance.LOW, "Expected withdrawals (status OUT_OF_SERVICE) per train per simulated day.",
              GROUP_SIM, 7, Width.SHORT, "Out-of-service rate")
          .define(ALERT_PASSENGERS, Type.INT, 600, Range.atLeast(0), Importance.MEDIUM,
              "An OVERCROWDING alert is raised when a train carries more passengers than this.",
              GROUP_ALERTS, 1, Width.SHORT, "Passenger alert threshold")
          .define(ALERT_POWER_KW, Type.DOUBLE, 150.0, Range.atLeast(0.0), Importance.MEDIUM,
              "A HIGH_POWER alert is raised when a train draws more than this many kW.",
              GROUP_ALERTS, 2, Width.SHORT, "Power alert threshold (kW)")
          .define(BATCH_SIZE, Type.INT, 2000, Range.between(1, 100_000), Importance.LOW,
              "Most records returned by one poll.",
              GROUP_RATE, 1, Width.SHORT, "Batch size")
          .define(MAX_EVENTS_PER_SECOND, Type.DOUBLE, 0.0, Range.atLeast(0.0), Importance.LOW,
              "Throttle per task in events per second; 0 = unlimited.",
              GROUP_RATE, 2, Width.SHORT, "Max events per second");

  private final Duration tickInterval;
  private final ValueFormat valueFormat;
  private final RecordTimestamp recordTimestamp;

  public AtsSourceConfig(Map<String, String> props) {
    super(CONFIG_DEF, props);
    this.tickInterval = DurationParser.parse(getString(TICK_INTERVAL));
    this.valueFormat = EnumKeys.parse(ValueFormat.class, VALUE_FORMAT, getString(VALUE_FORMAT));
    this.recordTimestamp = EnumKeys.parse(RecordTimestamp.class, RECORD_TIMESTAMP, getString(RECORD_TIMESTAMP));
  }

  public String topic() {
    return getString(TOPIC).trim();
  }

  public String alertsTopic() {
    return getString(ALERTS_TOPIC).trim();
  }

  public ValueFormat valueFormat() {
    return valueFormat;
  }

  public RecordTimestamp recordTimestamp() {
    return recordTimestamp;
  }

  public MetroNetwork network() {
    String file = getString(NETWORK_FILE).trim();
    if (file.isEmpty()) {
      return MetroNetwork.defaultNetwork();
    }
    try {
      return MetroNetwork.load(Path.of(file));
    } catch (NetworkFileException e) {
      throw new ConfigException(NETWORK_FILE, file, e.getMessage());
    }
  }

  public List<String> lines() {
    return getList(LINES);
  }

  public Duration tickInterval() {
    return tickInterval;
  }

  public double speedup() {
    return getDouble(SIM_SPEEDUP);
  }

  /** The configured start, or null when the connector picks one at first start. */
  public Instant simStart() {
    String value = getString(SIM_START).trim();
    return value.isEmpty() ? null : Instant.parse(value);
  }

  public long maxTicks() {
    return getLong(SIM_MAX_TICKS);
  }

  public SimulationSettings simulationSettings() {
    return new SimulationSettings(
        getLong(RANDOM_SEED),
        tickInterval,
        getInt(ALERT_PASSENGERS),
        getDouble(ALERT_POWER_KW),
        getDouble(INCIDENTS_PER_DAY),
        getDouble(OUT_OF_SERVICE_PER_DAY));
  }

  public int batchSize() {
    return getInt(BATCH_SIZE);
  }

  public double maxEventsPerSecond() {
    return getDouble(MAX_EVENTS_PER_SECOND);
  }

  /** Empty, or an ISO-8601 instant. */
  static final class InstantValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : value.toString().trim();
      if (text.isEmpty()) {
        return;
      }
      try {
        Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new ConfigException(name, value, "must be an ISO-8601 UTC instant such as 2026-01-05T00:00:00Z");
      }
    }

    @Override
    public String toString() {
      return "empty or an ISO-8601 instant";
    }
  }

  /** Empty, or a readable network file that parses; the error names the JSON line and field. */
  static final class NetworkFileValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String file = value == null ? "" : value.toString().trim();
      if (file.isEmpty()) {
        return;
      }
      try {
        MetroNetwork.load(Path.of(file));
      } catch (NetworkFileException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "empty or the path of a network JSON file";
    }
  }
}
