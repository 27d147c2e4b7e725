package io.github.variantconnect.ats.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.variantconnect.ats.sim.TrainSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;

/**
 * Telemetry events as JSON bytes: exactly what the JsonConverter with {@code schemas.enable=false}
 * writes for {@link TelemetrySchema#toStruct} — the schema's fields in order, the same escaping, the
 * same number text — without building a Struct and a JsonNode tree per event.
 *
 * <p>Text values come from a small set (line, train and station ids, statuses, alerts), so each is
 * encoded once, by Jackson as the converter's serializer does, and copied afterwards. Numbers are
 * written directly; see {@link DecimalText} for why the doubles' text is {@code Double.toString}'s.
 *
 * <p>Not thread-safe: one instance per task.
 */
public final class TelemetryJson {

  private static final JsonFactory JACKSON = new JsonFactory();
  /** {@code {"event_id":}, {@code ,"train_id":}, ...: what precedes each field's value. */
  private static final byte[][] FIELD_PREFIX = fieldPrefixes(TelemetrySchema.VALUE.fields());
  private static final byte[] EMPTY_ARRAY = {'[', ']'};

  private final Map<String, byte[]> quoted = new HashMap<>();
  /** Per train: {@code "<train id>-}, the start of its event ids. */
  private final Map<String, byte[]> eventIdPrefix = new HashMap<>();
  private Instant lastTime;
  private byte[] lastTimeQuoted;
  private byte[] buffer = new byte[512];
  private int length;

  public byte[] write(TrainSnapshot s) {
    length = 0;
    field(0);
    append(eventIdPrefix.computeIfAbsent(s.trainId(), id -> withoutClosingQuote(encode(id + "-"))));
    number(s.seq());
    append((byte) '"');
    field(1);
    append(quoted(s.trainId()));
    field(2);
    append(quoted(s.lineId()));
    field(3);
    number(s.seq());
    field(4);
    append(eventTime(s.eventTime()));
    field(5);
    append(quoted(s.stationId()));
    field(6);
    append(quoted(s.nextStationId()));
    field(7);
    number(s.latitude(), TelemetrySchema.COORDINATE_DECIMALS);
    field(8);
    number(s.longitude(), TelemetrySchema.COORDINATE_DECIMALS);
    field(9);
    number(s.positionKm(), TelemetrySchema.POSITION_DECIMALS);
    field(10);
    number(s.speedKmh(), TelemetrySchema.SPEED_DECIMALS);
    field(11);
    number(s.passengerCount());
    field(12);
    number(s.capacity());
    field(13);
    number(s.powerKw(), TelemetrySchema.POWER_DECIMALS);
    field(14);
    append(quoted(s.status().name()));
    field(15);
    alerts(s.alerts());
    append((byte) '}');
    return Arrays.copyOf(buffer, length);
  }

  private void number(long value) {
    ensure(DecimalText.MAX_LENGTH);
    length = DecimalText.writeLong(buffer, length, value);
  }

  private void number(double value, int decimals) {
    ensure(DecimalText.MAX_LENGTH);
    length = DecimalText.writeRounded(buffer, length, value, decimals);
  }

  private void field(int index) {
    append(FIELD_PREFIX[index]);
  }

  private void alerts(List<String> alerts) {
    if (alerts.isEmpty()) {
      append(EMPTY_ARRAY);
      return;
    }
    append((byte) '[');
    for (int i = 0; i < alerts.size(); i++) {
      if (i > 0) {
        append((byte) ',');
      }
      append(quoted(alerts.get(i)));
    }
    append((byte) ']');
  }

  /** Every train of a tick shares its time: the text is made once per tick. */
  private byte[] eventTime(Instant time) {
    if (!time.equals(lastTime)) {
      lastTime = time;
      lastTimeQuoted = encode(time.toString());
    }
    return lastTimeQuoted;
  }

  private byte[] quoted(String text) {
    byte[] bytes = quoted.get(text);
    if (bytes == null) {
      bytes = encode(text);
      quoted.put(text, bytes);
    }
    return bytes;
  }

  private void append(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void append(byte b) {
    ensure(1);
    buffer[length++] = b;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }

  private static byte[][] fieldPrefixes(List<Field> fields) {
    byte[][] prefixes = new byte[fields.size()][];
    for (Field field : fields) {
      byte[] name = encode(field.name());
      byte[] prefix = new byte[name.length + 2];
      prefix[0] = (byte) (field.index() == 0 ? '{' : ',');
      System.arraycopy(name, 0, prefix, 1, name.length);
      prefix[prefix.length - 1] = ':';
      prefixes[field.index()] = prefix;
    }
    return prefixes;
  }

  /** A JSON string literal, quotes included, as Jackson writes it. */
  static byte[] encode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
    try (JsonGenerator generator = JACKSON.createGenerator(out)) {
      generator.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] withoutClosingQuote(byte[] literal) {
    return Arrays.copyOf(literal, literal.length - 1);
  }
}
