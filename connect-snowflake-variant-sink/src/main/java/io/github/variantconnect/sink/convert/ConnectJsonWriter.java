package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;

/**
 * Writes Connect data as JSON straight into a generator, with no intermediate tree: a {@link
 * Struct} (with its schema), maps, lists and primitives, as any converter produces them. Logical
 * types become what a JSON reader expects: decimals exact numbers, dates, times and timestamps
 * ISO-8601 strings (UTC), bytes base64 strings.
 *
 * <p>Names are written from caches of their quoted form (struct fields per schema, map keys by
 * name), since escaping every name of every record was the largest single cost. Not thread-safe;
 * one per task.
 */
public final class ConnectJsonWriter {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  /** Enough for the value and key schemas of the topics one task reads, nested structs included. */
  static final int STRUCT_SCHEMAS_CACHED = 64;
  static final int KEYS_CACHED = 512;

  private final StructFieldNames fieldNames;
  private final ObjectKeyNames keyNames;
  private final char[] number = new char[ShortDecimal.MAX_LENGTH];

  public ConnectJsonWriter() {
    this(new StructFieldNames(STRUCT_SCHEMAS_CACHED), new ObjectKeyNames(KEYS_CACHED));
  }

  ConnectJsonWriter(StructFieldNames fieldNames, ObjectKeyNames keyNames) {
    this.fieldNames = fieldNames;
    this.keyNames = keyNames;
  }

  /** Writes {@code value}; {@code schema} may be null (schemaless data) and only refines dates. */
  public void write(JsonGenerator out, Schema schema, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (schema == null || !writeAsDeclared(out, schema, value)) {
      writeAsFound(out, schema, value);
    }
  }

  /** Writes {@code name} as the next object field name. */
  public void writeName(JsonGenerator out, String name) throws IOException {
    keyNames.write(out, name);
  }

  /**
   * The common types by the schema's type, without trying classes one by one. False when the value
   * is not the plain class its type implies (logical types: Date, BigDecimal...), which the class
   * tests then handle.
   */
  private boolean writeAsDeclared(JsonGenerator out, Schema schema, Object value) throws IOException {
    switch (schema.type()) {
      case STRING -> {
        if (value instanceof String s) {
          out.writeString(s);
          return true;
        }
      }
      case INT64 -> {
        if (value instanceof Long n) {
          out.writeNumber(n.longValue());
          return true;
        }
      }
      case INT32 -> {
        if (value instanceof Integer n) {
          out.writeNumber(n.intValue());
          return true;
        }
      }
      case FLOAT64 -> {
        if (value instanceof Double d) {
          writeDouble(out, d);
          return true;
        }
      }
      case BOOLEAN -> {
        if (value instanceof Boolean b) {
          out.writeBoolean(b);
          return true;
        }
      }
      case STRUCT -> {
        if (value instanceof Struct struct) {
          writeStruct(out, struct);
          return true;
        }
      }
      default -> {
        // The rest is rarer or needs the class tests anyway.
      }
    }
    return false;
  }

  private void writeAsFound(JsonGenerator out, Schema schema, Object value) throws IOException {
    if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Struct struct) {
      writeStruct(out, struct);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(out, schema, map);
    } else if (value instanceof Collection<?> list) {
      out.writeStartArray();
      Schema element = schema == null ? null : schema.valueSchema();
      for (Object item : list) {
        write(out, element, item);
      }
      out.writeEndArray();
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double d) {
      writeDouble(out, d);
    } else if (value instanceof Float f) {
      out.writeNumber(f);
    } else if (value instanceof BigDecimal decimal) {
      out.writeNumber(decimal);
    } else if (value instanceof BigInteger integer) {
      out.writeNumber(integer);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Date date) {
      out.writeString(formatDate(schema, date));
    } else if (value instanceof byte[] bytes) {
      out.writeBinary(bytes);
    } else if (value instanceof ByteBuffer buffer) {
      writeBuffer(out, buffer);
    } else if (value instanceof Object[] array) {
      out.writeStartArray();
      for (Object item : array) {
        write(out, null, item);
      }
      out.writeEndArray();
    } else {
      // Anything else a transform may leave (UUID, Instant...): its text is the most useful JSON.
      out.writeString(value.toString());
    }
  }

  private void writeDouble(JsonGenerator out, double d) throws IOException {
    int length = ShortDecimal.format(d, number);
    if (length < 0) {
      out.writeNumber(d);
    } else {
      out.writeNumber(number, 0, length);
    }
  }

  private void writeStruct(JsonGenerator out, Struct struct) throws IOException {
    Schema schema = struct.schema();
    List<Field> fields = schema.fields();
    SerializableString[] names = fieldNames.of(schema, fields);
    out.writeStartObject();
    for (int i = 0; i < names.length; i++) {
      Field field = fields.get(i);
      out.writeFieldName(names[i]);
      write(out, field.schema(), struct.get(field));
    }
    out.writeEndObject();
  }

  private void writeMap(JsonGenerator out, Schema schema, Map<?, ?> map) throws IOException {
    Schema keySchema = schema == null ? null : schema.keySchema();
    Schema valueSchema = schema == null ? null : schema.valueSchema();
    out.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      keyNames.write(out, fieldName(keySchema, entry.getKey()));
      write(out, valueSchema, entry.getValue());
    }
    out.writeEndObject();
  }

  /** JSON object keys are strings; other Connect map keys are written as their text. */
  private static String fieldName(Schema keySchema, Object key) {
    if (key instanceof String s) {
      return s;
    }
    if (key instanceof Date date) {
      return formatDate(keySchema, date);
    }
    return String.valueOf(key);
  }

  private static String formatDate(Schema schema, Date date) {
    String logical = schema == null ? null : schema.name();
    if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
      return DATE.format(date.toInstant());
    }
    if (Time.LOGICAL_NAME.equals(logical)) {
      return TIME.format(date.toInstant());
    }
    // Timestamp, or a schemaless java.util.Date: an instant.
    return Instant.ofEpochMilli(date.getTime()).toString();
  }

  private static void writeBuffer(JsonGenerator out, ByteBuffer buffer) throws IOException {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    out.writeBinary(bytes);
  }
}
