package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Writes map keys and header names as JSON names, reusing the quoted form of names seen before.
 * Schemaless records repeat the same few keys (a JSON parser hands them out as the same interned
 * strings), so most names hit; a name that misses is written as usual and takes the slot.
 *
 * <p>Bounded: a fixed number of slots chosen by the name's hash, one name each, and names longer
 * than {@link #MAX_CACHED_LENGTH} are never kept, so maps keyed by ids cost no more than without a
 * cache and hold little memory. Not thread-safe.
 */
final class ObjectKeyNames {

  /** Longer keys are rare as repeated names and would make the cache's memory depend on data. */
  static final int MAX_CACHED_LENGTH = 64;

  private final SerializedString[] slots;

  /** @param capacity the most names kept; a power of two, so a hash picks a slot with a mask */
  ObjectKeyNames(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    slots = new SerializedString[capacity];
  }

  void write(JsonGenerator out, String name) throws IOException {
    int hash = name.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (slots.length - 1);
    SerializedString cached = slots[slot];
    if (cached != null && (cached.getValue() == name || cached.getValue().equals(name))) {
      out.writeFieldName(cached);
      return;
    }
    if (name.length() <= MAX_CACHED_LENGTH) {
      slots[slot] = new SerializedString(name);
    }
    out.writeFieldName(name);
  }

  /** How many names are cached now. */
  int size() {
    int size = 0;
    for (SerializedString name : slots) {
      if (name != null) {
        size++;
      }
    }
    return size;
  }

  int capacity() {
    return slots.length;
  }
}
