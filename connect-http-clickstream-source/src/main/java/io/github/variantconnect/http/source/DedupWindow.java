package io.github.variantconnect.http.source;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/** The most recent {@code capacity} event ids of an endpoint; capacity 0 turns it off. */
final class DedupWindow {

  private final int capacity;
  private final LinkedHashSet<String> ids;

  DedupWindow(int capacity, List<String> restored) {
    this.capacity = capacity;
    this.ids = new LinkedHashSet<>(Math.max(16, capacity * 2));
    if (capacity > 0) {
      restored.forEach(this::add);
    }
  }

  boolean enabled() {
    return capacity > 0;
  }

  /** Records {@code id}; false when it was already in the window (a duplicate). */
  boolean add(String id) {
    if (capacity == 0 || id == null) {
      return true;
    }
    if (!ids.add(id)) {
      return false;
    }
    if (ids.size() > capacity) {
      Iterator<String> oldest = ids.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /** The window, oldest first, for the source offset. */
  List<String> snapshot() {
    return capacity == 0 ? List.of() : IdList.of(new ArrayList<>(ids));
  }
}
