package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * The JSON names of a struct schema's fields, quoted and escaped once per schema instead of once
 * per record. A topic's records share one schema instance (converters cache theirs), so lookups
 * are by identity: no deep {@code Schema.equals}/{@code hashCode} per record.
 *
 * <p>Bounded: a fixed number of slots, one schema each, chosen by identity hash; a schema that
 * lands on a taken slot replaces it. An entry is used only while the schema still holds the very
 * same {@link Field}s, so a schema changed in place (a {@code SchemaBuilder} still being built) is
 * never written with stale names. Not thread-safe.
 */
final class StructFieldNames {

  private final Entry[] slots;

  /** @param capacity the most schemas kept; a power of two, so a hash picks a slot with a mask */
  StructFieldNames(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    slots = new Entry[capacity];
  }

  /** The names of {@code fields}, which must be {@code schema.fields()}, in order. */
  SerializableString[] of(Schema schema, List<Field> fields) {
    int slot = System.identityHashCode(schema) & (slots.length - 1);
    Entry entry = slots[slot];
    if (entry == null || entry.schema != schema || !entry.holds(fields)) {
      entry = new Entry(schema, fields);
      slots[slot] = entry;
    }
    return entry.names;
  }

  /** How many schemas are cached now. */
  int size() {
    int size = 0;
    for (Entry entry : slots) {
      if (entry != null) {
        size++;
      }
    }
    return size;
  }

  int capacity() {
    return slots.length;
  }

  private static final class Entry {
    private final Schema schema;
    private final Field[] fields;
    private final SerializableString[] names;

    Entry(Schema schema, List<Field> fields) {
      this.schema = schema;
      this.fields = fields.toArray(new Field[0]);
      this.names = new SerializableString[this.fields.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = new SerializedString(this.fields[i].name());
      }
    }

    boolean holds(List<Field> current) {
      if (current.size() != fields.length) {
        return false;
      }
      for (int i = 0; i < fields.length; i++) {
        if (current.get(i) != fields[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
