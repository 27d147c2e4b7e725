package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
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
 */
public final class ConnectJsonWriter {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private ConnectJsonWriter() {}

  /** Writes {@code value}; {@code schema} may be null (schemaless data) and only refines dates. */
  public static void write(JsonGenerator out, Schema schema, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String s) {
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
      out.writeNumber(d);
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

  private static void writeStruct(JsonGenerator out, Struct struct) throws IOException {
    out.writeStartObject();
    for (Field field : struct.schema().fields()) {
      out.writeFieldName(field.name());
      write(out, field.schema(), struct.get(field));
    }
    out.writeEndObject();
  }

  private static void writeMap(JsonGenerator out, Schema schema, Map<?, ?> map) throws IOException {
    Schema keySchema = schema == null ? null : schema.keySchema();
    Schema valueSchema = schema == null ? null : schema.valueSchema();
    out.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.writeFieldName(fieldName(keySchema, entry.getKey()));
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
