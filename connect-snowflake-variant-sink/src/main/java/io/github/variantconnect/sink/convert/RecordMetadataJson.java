package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes RECORD_METADATA in the official connector's shape: {@code topic}, {@code partition},
 * {@code offset}, {@code CreateTime} or {@code LogAppendTime}, {@code key}, {@code headers}.
 *
 * <p>Everything up to the offset's digits is the same for all records of a partition, so that
 * prefix is kept as text per topic-partition and the numbers are appended as raw digits. The
 * object's own punctuation is raw text too; the generator writes only the key and the headers,
 * each as a root value, which is why no object is open in the generator around them. Not
 * thread-safe; one per task.
 */
final class RecordMetadataJson {

  /** Partitions whose prefix is kept; a task seldom reads more, and a miss only rebuilds a string. */
  static final int PREFIXES_CACHED = 256;

  private final MetadataFields fields;
  private final ConnectJsonWriter values;
  private final Prefix[] prefixes = new Prefix[PREFIXES_CACHED];
  private final char[] digits = new char[20];

  RecordMetadataJson(MetadataFields fields, ConnectJsonWriter values) {
    this.fields = fields;
    this.values = values;
  }

  /** Writes the metadata object of {@code record}; {@code fields.all()} must be on. */
  void write(JsonGenerator out, SinkRecord record) throws IOException {
    boolean empty = true;
    if (fields.topic() || fields.offsetAndPartition()) {
      out.writeRaw(prefix(record.topic(), fields.offsetAndPartition() ? record.kafkaPartition() : 0));
      empty = false;
      if (fields.offsetAndPartition()) {
        writeDigits(out, record.kafkaOffset());
      }
    } else {
      out.writeRaw('{');
    }
    if (fields.createTime() && record.timestamp() != null
        && record.timestampType() != TimestampType.NO_TIMESTAMP_TYPE) {
      writeName(out, empty, record.timestampType() == TimestampType.LOG_APPEND_TIME ? "LogAppendTime" : "CreateTime");
      writeDigits(out, record.timestamp());
      empty = false;
    }
    if (record.key() != null) {
      writeName(out, empty, "key");
      writeKey(out, record);
      empty = false;
    }
    Headers headers = record.headers();
    if (headers != null && !headers.isEmpty()) {
      writeName(out, empty, "headers");
      writeHeaders(out, headers);
    }
    out.writeRaw('}');
  }

  /** One of this class's own names, which need no escaping. */
  private static void writeName(JsonGenerator out, boolean empty, String name) throws IOException {
    if (!empty) {
      out.writeRaw(',');
    }
    out.writeRaw('"');
    out.writeRaw(name);
    out.writeRaw("\":");
  }

  /** The object's opening brace, topic, partition and the offset's name, as the switches ask. */
  private String prefix(String topic, int partition) {
    int hash = Objects.hashCode(topic) * 31 + partition;
    int slot = (hash ^ (hash >>> 16)) & (prefixes.length - 1);
    Prefix cached = prefixes[slot];
    if (cached != null && cached.partition == partition && Objects.equals(cached.topic, topic)) {
      return cached.text;
    }
    StringBuilder text = new StringBuilder("{");
    if (fields.topic()) {
      text.append("\"topic\":");
      if (topic == null) {
        text.append("null");
      } else {
        text.append('"').append(JsonStringEncoder.getInstance().quoteAsString(topic)).append('"');
      }
    }
    if (fields.offsetAndPartition()) {
      text.append(fields.topic() ? "," : "").append("\"partition\":").append(partition).append(",\"offset\":");
    }
    cached = new Prefix(topic, partition, text.toString());
    prefixes[slot] = cached;
    return cached.text;
  }

  private void writeDigits(JsonGenerator out, long value) throws IOException {
    out.writeRaw(digits, 0, NumberOutput.outputLong(value, digits, 0));
  }

  private void writeKey(JsonGenerator out, SinkRecord record) throws IOException {
    Object key = record.key();
    if (key instanceof byte[] bytes) {
      // Byte keys are almost always text (ids); base64 would hide them.
      out.writeString(new String(bytes, StandardCharsets.UTF_8));
    } else {
      values.write(out, record.keySchema(), key);
    }
  }

  private void writeHeaders(JsonGenerator out, Headers headers) throws IOException {
    // A repeated header name keeps its last value, as a JSON object can hold a name once.
    Map<String, Header> byName = new LinkedHashMap<>();
    for (Header header : headers) {
      byName.put(header.key(), header);
    }
    out.writeStartObject();
    for (Header header : byName.values()) {
      values.writeName(out, header.key());
      Object value = header.value();
      if (value instanceof byte[] bytes) {
        out.writeString(new String(bytes, StandardCharsets.UTF_8));
      } else {
        values.write(out, header.schema(), value);
      }
    }
    out.writeEndObject();
  }

  private record Prefix(String topic, int partition, String text) {}
}
