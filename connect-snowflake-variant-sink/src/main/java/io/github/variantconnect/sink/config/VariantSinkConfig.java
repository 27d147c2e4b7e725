package io.github.variantconnect.sink.config;

import io.github.variantconnect.common.config.EnumKeys;
import io.github.variantconnect.common.config.ErrorsTolerance;
import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.sink.convert.MetadataFields;
import io.github.variantconnect.sink.convert.NullValueBehavior;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.TargetProvider;
import io.github.variantconnect.sink.target.TargetProviders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Every key of the VARIANT sink. Core keys are defined here; each target adds its own (see {@link
 * TargetProvider#configDef()}). Names shared with the official Snowflake connector keep its
 * meaning, so its configs carry over.
 */
public final class VariantSinkConfig extends AbstractConfig {

  private static final String GROUP_TARGET = "Target";
  private static final String GROUP_ROUTING = "Routing";
  private static final String GROUP_BUFFER = "Buffering";
  private static final String GROUP_CONTENT = "Content";
  private static final String GROUP_METADATA = "Metadata";
  private static final String GROUP_RETRY = "Retries";
  private static final String GROUP_OFFSETS = "Offsets";

  public static final String TARGET = "variant.target";
  public static final String TARGET_DEFAULT = "duckdb";
  public static final String TOPIC2TABLE_MAP = "topic2table.map";
  /** The official Snowflake connector's name for {@link #TOPIC2TABLE_MAP}; accepted so its configs carry over. */
  public static final String SNOWFLAKE_TOPIC2TABLE_MAP = "snowflake.topic2table.map";
  public static final String BUFFER_COUNT_RECORDS = "buffer.count.records";
  public static final long BUFFER_COUNT_RECORDS_DEFAULT = 10_000;
  public static final String BUFFER_SIZE_BYTES = "buffer.size.bytes";
  public static final long BUFFER_SIZE_BYTES_DEFAULT = 5_000_000;
  public static final String BUFFER_FLUSH_TIME = "buffer.flush.time";
  public static final long BUFFER_FLUSH_TIME_DEFAULT = 1;
  /** Milliseconds, for freshness below a second; the official {@link #BUFFER_FLUSH_TIME} counts whole seconds. */
  public static final String BUFFER_FLUSH_TIME_MS = "buffer.flush.time.ms";
  static final long BUFFER_FLUSH_TIME_MS_MIN = 10;
  static final long BUFFER_FLUSH_TIME_MS_MAX = 86_400_000;
  public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
  public static final String MAX_CONTENT_BYTES = "variant.max.content.bytes";
  /** Snowflake's VARIANT limit, so what lands in DuckDB also fits Snowflake. */
  public static final long MAX_CONTENT_BYTES_DEFAULT = 16L * 1024 * 1024;
  public static final String METADATA_ALL = "snowflake.metadata.all";
  public static final String METADATA_TOPIC = "snowflake.metadata.topic";
  public static final String METADATA_OFFSET_AND_PARTITION = "snowflake.metadata.offset.and.partition";
  public static final String METADATA_CREATETIME = "snowflake.metadata.createtime";
  public static final String RETRY_BACKOFF_MS = "target.retry.backoff.ms";
  public static final String RETRY_TIMEOUT_MS = "target.retry.timeout.ms";
  public static final String OFFSETS_AHEAD_POLICY = "variant.offsets.ahead.of.log.policy";
  /** Selects the Snowflake target when {@link #TARGET} is not given, as in an official connector config. */
  static final String SNOWFLAKE_URL_NAME = "snowflake.url.name";
  static final String SNOWFLAKE_TARGET = "snowflake";

  /** Framework keys the sink reads but does not define. */
  public static final String ERRORS_TOLERANCE = ErrorsTolerance.KEY;
  public static final String CONNECTOR_NAME = "name";

  public static final ConfigDef CONFIG_DEF = define();

  private final TopicTableMap topicTableMap;
  private final NullValueBehavior nullValueBehavior;
  private final MetadataFields metadataFields;

  public VariantSinkConfig(Map<String, String> props) {
    super(CONFIG_DEF, props);
    for (KeyError error : crossKeyErrors(props)) {
      throw new ConfigException(error.key(), props.get(error.key()), error.message());
    }
    String routing = routingKey(props);
    try {
      this.topicTableMap = TopicTableMap.parse(getString(routing));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(routing, getString(routing), e.getMessage());
    }
    this.nullValueBehavior = EnumKeys.parse(NullValueBehavior.class, BEHAVIOR_ON_NULL_VALUES, getString(BEHAVIOR_ON_NULL_VALUES));
    this.metadataFields = new MetadataFields(
        getBoolean(METADATA_ALL), getBoolean(METADATA_TOPIC), getBoolean(METADATA_OFFSET_AND_PARTITION),
        getBoolean(METADATA_CREATETIME));
  }

  /**
   * Checks between core keys, by the key at fault; the connector's validate() reports them and the
   * constructor refuses them.
   */
  public static List<KeyError> crossKeyErrors(Map<String, String> props) {
    List<KeyError> problems = new ArrayList<>();
    String ours = props.getOrDefault(TOPIC2TABLE_MAP, "").trim();
    String official = props.getOrDefault(SNOWFLAKE_TOPIC2TABLE_MAP, "").trim();
    if (!ours.isEmpty() && !official.isEmpty() && !ours.equals(official)) {
      problems.add(new KeyError(SNOWFLAKE_TOPIC2TABLE_MAP, "conflicts with " + TOPIC2TABLE_MAP + "; set only one of the two"));
    }
    return problems;
  }

  /** The routing a config describes, for targets that need it before records arrive. */
  public static TopicTableMap topicTableMap(Map<String, String> props) {
    return TopicTableMap.parse(props.getOrDefault(routingKey(props), ""));
  }

  /** topic2table.map, or the official connector's snowflake.topic2table.map when only that is set. */
  private static String routingKey(Map<String, String> props) {
    boolean official = !props.getOrDefault(SNOWFLAKE_TOPIC2TABLE_MAP, "").isBlank();
    return official && props.getOrDefault(TOPIC2TABLE_MAP, "").isBlank() ? SNOWFLAKE_TOPIC2TABLE_MAP : TOPIC2TABLE_MAP;
  }

  private static ConfigDef define() {
    ConfigDef def = new ConfigDef()
        .define(TARGET, Type.STRING, TARGET_DEFAULT,
            ConfigDef.CaseInsensitiveValidString.in(TargetProviders.names().toArray(String[]::new)),
            Importance.HIGH,
            "Where rows land: " + String.join(", ", TargetProviders.names())
                + ". duckdb writes a local DuckDB file (no account needed). When this key is not set and"
                + " snowflake.url.name is, the target is snowflake, so an official Snowflake connector config"
                + " works as it is.",
            GROUP_TARGET, 1, Width.SHORT, "Target")
        .define(TOPIC2TABLE_MAP, Type.STRING, "", new TopicTableMapValidator(), Importance.MEDIUM,
            "Topic to table routing, topic1:table1,topic2:table2. A topic entry that is not a topic name is a"
                + " regular expression matched against the whole topic (ats-.*:ATS_RAW_JSON); the first match in"
                + " order wins. Table names are unquoted identifiers (letters, digits, _ and $; not starting with"
                + " a digit), stored upper-case. Unrouted topics get a table named after the topic.",
            GROUP_ROUTING, 1, Width.LONG, "Topic to table map")
        .define(SNOWFLAKE_TOPIC2TABLE_MAP, Type.STRING, "", new TopicTableMapValidator(), Importance.LOW,
            "The official Snowflake connector's name for topic2table.map, same syntax; used when topic2table.map is"
                + " not set.",
            GROUP_ROUTING, 2, Width.LONG, "Topic to table map (official name)")
        .define(BUFFER_COUNT_RECORDS, Type.LONG, BUFFER_COUNT_RECORDS_DEFAULT, Range.between(1, 10_000_000),
            Importance.MEDIUM,
            "Records buffered for one partition before the task writes its buffers.",
            GROUP_BUFFER, 1, Width.SHORT, "Buffer records")
        .define(BUFFER_SIZE_BYTES, Type.LONG, BUFFER_SIZE_BYTES_DEFAULT, Range.between(1, 1L << 31),
            Importance.MEDIUM,
            "Bytes (of RECORD_METADATA and RECORD_CONTENT JSON) buffered for one partition before the task"
                + " writes its buffers.",
            GROUP_BUFFER, 2, Width.SHORT, "Buffer bytes")
        .define(BUFFER_FLUSH_TIME, Type.LONG, BUFFER_FLUSH_TIME_DEFAULT, Range.between(1, 86_400), Importance.MEDIUM,
            "Seconds a buffered record waits at most before it is written, also on a partition that receives"
                + " nothing more.",
            GROUP_BUFFER, 3, Width.SHORT, "Flush time (s)")
        .define(BUFFER_FLUSH_TIME_MS, Type.LONG, null,
            new OptionalRange(BUFFER_FLUSH_TIME_MS_MIN, BUFFER_FLUSH_TIME_MS_MAX), Importance.MEDIUM,
            "Milliseconds a buffered record waits at most before it is written; when set, it replaces "
                + BUFFER_FLUSH_TIME + ", whose whole seconds are too coarse for data that must be visible"
                + " within a second. Unset by default.",
            GROUP_BUFFER, 4, Width.SHORT, "Flush time (ms)")
        .define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, NullValueBehavior.DEFAULT.name(),
            EnumKeys.validator(NullValueBehavior.class), Importance.LOW,
            "Tombstones (null values): DEFAULT writes a row whose RECORD_CONTENT is {}; IGNORE writes no row.",
            GROUP_CONTENT, 1, Width.SHORT, "Null values")
        .define(MAX_CONTENT_BYTES, Type.LONG, MAX_CONTENT_BYTES_DEFAULT, Range.between(1, Integer.MAX_VALUE),
            Importance.LOW,
            "Largest RECORD_CONTENT in UTF-8 bytes; a bigger record is an error (dead-letter queue with"
                + " errors.tolerance=all). The default is Snowflake's VARIANT limit.",
            GROUP_CONTENT, 2, Width.SHORT, "Max content bytes")
        .define(METADATA_ALL, Type.BOOLEAN, true, Importance.LOW,
            "false leaves RECORD_METADATA empty ({}), overriding the other snowflake.metadata.* keys.",
            GROUP_METADATA, 1, Width.SHORT, "All metadata")
        .define(METADATA_TOPIC, Type.BOOLEAN, true, Importance.LOW,
            "Include the topic in RECORD_METADATA.", GROUP_METADATA, 2, Width.SHORT, "Topic")
        .define(METADATA_OFFSET_AND_PARTITION, Type.BOOLEAN, true, Importance.LOW,
            "Include the offset and partition in RECORD_METADATA.",
            GROUP_METADATA, 3, Width.SHORT, "Offset and partition")
        .define(METADATA_CREATETIME, Type.BOOLEAN, true, Importance.LOW,
            "Include the record timestamp in RECORD_METADATA, as CreateTime or LogAppendTime by its type.",
            GROUP_METADATA, 4, Width.SHORT, "Timestamp")
        .define(RETRY_BACKOFF_MS, Type.LONG, 500L, Range.between(10, 60_000), Importance.LOW,
            "First wait after a target outage (locked file, full disk, network); doubles up to 10 s, with jitter."
                + " A DuckDB file held by another process (usually a reader, for milliseconds) is first retried"
                + " after 20 ms, or this value if lower.",
            GROUP_RETRY, 1, Width.SHORT, "Retry backoff (ms)")
        .define(RETRY_TIMEOUT_MS, Type.LONG, 120_000L, Range.between(0, 3_600_000), Importance.LOW,
            "How long an outage may last before the task fails with the cause; buffered records are then"
                + " re-read after a restart, none is lost.",
            GROUP_RETRY, 2, Width.SHORT, "Retry timeout (ms)")
        .define(OFFSETS_AHEAD_POLICY, Type.STRING, OffsetsAheadPolicy.FAIL.name(),
            EnumKeys.validator(OffsetsAheadPolicy.class), Importance.LOW,
            "What to do when the target's committed offset of a partition is beyond the partition's records (the"
                + " topic was deleted and recreated, or truncated). FAIL stops the task with VS-203 and leaves the"
                + " decision to an operator. RESET_TO_KAFKA resets the target's stored offset and ingests the"
                + " partition from where the consumer now stands (by auto.offset.reset, the start of the new topic)."
                + " Records are never skipped silently.",
            GROUP_OFFSETS, 1, Width.MEDIUM, "Offsets ahead of the log");
    for (TargetProvider provider : TargetProviders.all()) {
      provider.configDef().configKeys().values().forEach(def::define);
    }
    return def;
  }

  public String targetName() {
    return targetName(originals());
  }

  /**
   * The target a config selects: {@code variant.target}, or when that is not set, snowflake if
   * {@code snowflake.url.name} is (an official connector's config), else the default.
   */
  public static String targetName(Map<String, ?> props) {
    Object explicit = props.get(TARGET);
    if (explicit != null) {
      return explicit.toString().trim().toLowerCase(Locale.ROOT);
    }
    Object url = props.get(SNOWFLAKE_URL_NAME);
    if (url != null && !url.toString().isBlank() && TargetProviders.names().contains(SNOWFLAKE_TARGET)) {
      return SNOWFLAKE_TARGET;
    }
    return TARGET_DEFAULT;
  }

  public OffsetsAheadPolicy offsetsAheadPolicy() {
    return EnumKeys.parse(OffsetsAheadPolicy.class, OFFSETS_AHEAD_POLICY, getString(OFFSETS_AHEAD_POLICY));
  }

  public TopicTableMap topicTableMap() {
    return topicTableMap;
  }

  public long bufferCountRecords() {
    return getLong(BUFFER_COUNT_RECORDS);
  }

  public long bufferSizeBytes() {
    return getLong(BUFFER_SIZE_BYTES);
  }

  /** {@code buffer.flush.time.ms} when set, else {@code buffer.flush.time}. */
  public Duration bufferFlushTime() {
    Long millis = getLong(BUFFER_FLUSH_TIME_MS);
    return millis != null ? Duration.ofMillis(millis) : Duration.ofSeconds(getLong(BUFFER_FLUSH_TIME));
  }

  public NullValueBehavior nullValueBehavior() {
    return nullValueBehavior;
  }

  public long maxContentBytes() {
    return getLong(MAX_CONTENT_BYTES);
  }

  public MetadataFields metadataFields() {
    return metadataFields;
  }

  public Duration retryBackoff() {
    return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
  }

  public Duration retryTimeout() {
    return Duration.ofMillis(getLong(RETRY_TIMEOUT_MS));
  }

  /** {@code errors.tolerance=all}: bad records go to the dead-letter queue instead of failing the task. */
  public boolean toleratesErrors() {
    return ErrorsTolerance.all(originals());
  }

  public String connectorName() {
    Object value = originals().get(CONNECTOR_NAME);
    return value == null ? "variant-sink" : value.toString();
  }

  /** A number within bounds, or nothing: for keys that only apply when set. */
  static final class OptionalRange implements ConfigDef.Validator {
    private final Range range;

    OptionalRange(long min, long max) {
      this.range = Range.between(min, max);
    }

    @Override
    public void ensureValid(String name, Object value) {
      if (value != null) {
        range.ensureValid(name, value);
      }
    }

    @Override
    public String toString() {
      return "unset, or " + range;
    }
  }

  /** Accepts a {@code topic2table.map} that parses; the message names the bad entry. */
  static final class TopicTableMapValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        TopicTableMap.parse(value == null ? "" : value.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "topic:table pairs separated by commas, e.g. ats-telemetry:ATS_RAW_JSON,click.*:CLICKS";
    }
  }
}
