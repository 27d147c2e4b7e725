package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.variantconnect.sink.errors.RecordRejectedException;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.Row;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a sink record into a row: RECORD_CONTENT from whatever the converter produced, and
 * RECORD_METADATA in the official connector's shape ({@code topic}, {@code partition}, {@code
 * offset}, {@code CreateTime} or {@code LogAppendTime}, {@code key}, {@code headers}).
 *
 * <p>Text and bytes are taken to be JSON already: they are checked, not re-encoded. Structured
 * values are written by {@link ConnectJsonWriter}. Not thread-safe; one per task.
 */
public final class RecordConverter {

  /** What a tombstone stores with {@code behavior.on.null.values=DEFAULT}, as the official connector. */
  public static final String EMPTY_CONTENT = "{}";

  private final MetadataFields metadata;
  private final NullValueBehavior nullValues;
  private final long maxContentBytes;
  private final JsonText text;
  private final JsonSyntax syntax;
  private final ConnectJsonWriter values = new ConnectJsonWriter();
  private final RecordMetadataJson metadataJson;

  public RecordConverter(MetadataFields metadata, NullValueBehavior nullValues, long maxContentBytes) {
    this.metadata = metadata;
    this.nullValues = nullValues;
    this.maxContentBytes = maxContentBytes;
    // Values up to the content limit must parse; Jackson's default string limit is lower than Snowflake's.
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(maxContentBytes, 20_000_000L)))
            .build())
        .build();
    this.text = new JsonText(factory);
    this.syntax = new JsonSyntax(factory);
    this.metadataJson = new RecordMetadataJson(metadata, values);
  }

  /**
   * The row for the record in {@code table}, or null when the record yields none (an ignored
   * tombstone).
   *
   * @throws RecordRejectedException when the value cannot become RECORD_CONTENT
   */
  public Row convert(SinkRecord record, String table) {
    String content = content(record.valueSchema(), record.value());
    if (content == null) {
      return null;
    }
    return new Row(table, record.originalKafkaOffset(), metadata(record), content);
  }

  private String content(org.apache.kafka.connect.data.Schema schema, Object value) {
    if (value == null) {
      return nullValues == NullValueBehavior.IGNORE ? null : EMPTY_CONTENT;
    }
    String json;
    if (value instanceof String s) {
      checkSize(s);
      reject(syntax.problem(s));
      json = s;
    } else if (value instanceof byte[] bytes) {
      json = fromBytes(bytes, 0, bytes.length);
    } else if (value instanceof ByteBuffer buffer) {
      ByteBuffer view = buffer.duplicate();
      byte[] bytes = new byte[view.remaining()];
      view.get(bytes);
      json = fromBytes(bytes, 0, bytes.length);
    } else {
      json = write(schema, value);
      checkSize(json);
    }
    return json;
  }

  private String fromBytes(byte[] bytes, int offset, int length) {
    if (length > maxContentBytes) {
      throw tooLarge(length);
    }
    reject(syntax.problem(bytes, offset, length));
    // The parser has proven the bytes valid UTF-8, so decoding loses nothing.
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  private String write(org.apache.kafka.connect.data.Schema schema, Object value) {
    try {
      values.write(text.start(), schema, value);
      return text.finish();
    } catch (IOException | RuntimeException e) {
      text.reset();
      throw new RecordRejectedException(SinkErrorCode.UNSUPPORTED_VALUE,
          e.getClass().getSimpleName() + " writing a " + value.getClass().getName());
    }
  }

  private void reject(String problem) {
    if (problem != null) {
      throw new RecordRejectedException(SinkErrorCode.INVALID_JSON, problem);
    }
  }

  /** Counts UTF-8 bytes only when the character count cannot decide. */
  private void checkSize(String json) {
    long chars = json.length();
    if (chars * 3 <= maxContentBytes) {
      return;
    }
    long bytes = chars > maxContentBytes ? chars : utf8Length(json);
    if (bytes > maxContentBytes) {
      throw tooLarge(bytes);
    }
  }

  private RecordRejectedException tooLarge(long bytes) {
    return new RecordRejectedException(SinkErrorCode.CONTENT_TOO_LARGE,
        bytes + " bytes, the limit is " + maxContentBytes);
  }

  /** UTF-8 bytes of {@code s}, counted without encoding it. */
  public static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private String metadata(SinkRecord record) {
    if (!metadata.all()) {
      return EMPTY_CONTENT;
    }
    try {
      metadataJson.write(text.start(), record);
      return text.finish();
    } catch (IOException | RuntimeException e) {
      text.reset();
      throw new RecordRejectedException(SinkErrorCode.UNSUPPORTED_VALUE,
          "record key or headers cannot be written as JSON (" + e.getClass().getSimpleName() + ")");
    }
  }
}
