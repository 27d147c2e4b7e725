package io.github.variantconnect.http.config;

import com.fasterxml.jackson.core.JsonPointer;
import io.github.variantconnect.common.config.EnumKeys;
import io.github.variantconnect.http.mapping.TimestampFormat;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;

/** How a response becomes records: JSON pointers, value format, de-duplication. */
public final class MappingKeys {

  static final String GROUP = "Response mapping";

  public static final String RECORDS_POINTER = "records.pointer";
  public static final String KEY_POINTER = "record.key.pointer";
  public static final String TIMESTAMP_POINTER = "record.timestamp.pointer";
  public static final String TIMESTAMP_FORMAT = "record.timestamp.format";
  public static final String ID_POINTER = "record.id.pointer";
  public static final String VALUE_FORMAT = "record.value.format";
  public static final String DEDUP_WINDOW = "dedup.window.size";

  private MappingKeys() {}

  static ConfigDef define(ConfigDef def) {
    int order = 0;
    return def
        .define(RECORDS_POINTER, Type.STRING, "/data", Validators.jsonPointer(), Importance.HIGH,
            "JSON pointer to the array of records in a response body. Empty: the body itself is the array.",
            GROUP, ++order, Width.MEDIUM, "Records pointer")
        .define(KEY_POINTER, Type.STRING, "/session_id", Validators.jsonPointer(), Importance.MEDIUM,
            "JSON pointer, within a record, to the value used as the Kafka record key (a string)."
                + " Empty: records have no key.",
            GROUP, ++order, Width.MEDIUM, "Key pointer")
        .define(TIMESTAMP_POINTER, Type.STRING, "/event_time", Validators.jsonPointer(), Importance.MEDIUM,
            "JSON pointer, within a record, to its event time, which becomes the Kafka record timestamp, the"
                + " ${since} of page pagination and the basis of the time-behind-head metric. Empty: no event"
                + " time; Kafka assigns the timestamp.",
            GROUP, ++order, Width.MEDIUM, "Timestamp pointer")
        .define(TIMESTAMP_FORMAT, Type.STRING, TimestampFormat.ISO_8601, Validators.timestampFormat(),
            Importance.LOW,
            "Format of the event time: iso8601 (e.g. 2026-01-05T07:30:00.123Z), epoch_millis, epoch_seconds,"
                + " or a java.time pattern such as yyyy-MM-dd HH:mm:ss (taken as UTC without an offset).",
            GROUP, ++order, Width.MEDIUM, "Timestamp format")
        .define(ID_POINTER, Type.STRING, "/event_id", Validators.jsonPointer(), Importance.MEDIUM,
            "JSON pointer, within a record, to its unique id. Used by the de-duplication window and to resume"
                + " exactly after the last delivered record. Empty: records have no id.",
            GROUP, ++order, Width.MEDIUM, "Event id pointer")
        .define(VALUE_FORMAT, Type.STRING, EnumKeys.name(ValueFormat.SCHEMALESS), EnumKeys.validator(ValueFormat.class),
            Importance.MEDIUM,
            "Record values: schemaless (a map; with JsonConverter and schemas.enable=false the topic holds the"
                + " API's objects unchanged), struct (a Struct with a schema inferred from the JSON and cached per"
                + " shape, for Avro, Protobuf or JSON Schema converters), or raw (the item's JSON text as a string).",
            GROUP, ++order, Width.SHORT, "Value format", EnumKeys.recommender(ValueFormat.class))
        .define(DEDUP_WINDOW, Type.INT, 0, Range.between(0, 100_000), Importance.LOW,
            "How many recent event ids to remember per endpoint; a record whose id is among them is dropped."
                + " Absorbs APIs that repeat items across adjacent pages. Needs record.id.pointer. The window is"
                + " stored with the source offsets, so keep it to a few pages' worth. 0: off.",
            GROUP, ++order, Width.SHORT, "De-duplication window");
  }

  static MappingSettings parse(AbstractConfig config) {
    return new MappingSettings(
        pointer(config, RECORDS_POINTER),
        pointer(config, KEY_POINTER),
        pointer(config, TIMESTAMP_POINTER),
        TimestampFormat.of(config.getString(TIMESTAMP_FORMAT)),
        pointer(config, ID_POINTER),
        EnumKeys.parse(ValueFormat.class, VALUE_FORMAT, config.getString(VALUE_FORMAT)),
        config.getInt(DEDUP_WINDOW));
  }

  /** The compiled pointer, or null when the key is empty. */
  static JsonPointer pointer(AbstractConfig config, String key) {
    String text = config.getString(key).trim();
    return text.isEmpty() ? null : Validators.checkPointer(key, text);
  }
}
