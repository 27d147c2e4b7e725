package io.github.variantconnect.demoapi;

import java.util.ArrayList;
import java.util.List;

/** A ring buffer of the newest events: memory stays bounded however long the feed runs. */
final class EventWindow {
  private final ClickEvent[] slots;
  private long endSeq;

  EventWindow(int capacity) {
    this.slots = new ClickEvent[capacity];
  }

  void append(ClickEvent event) {
    if (event.seq() != endSeq) {
      throw new IllegalStateException("expected seq " + endSeq + " but got " + event.seq());
    }
    slots[slot(endSeq)] = event;
    endSeq++;
  }

  /** One past the newest event held. */
  long endSeq() {
    return endSeq;
  }

  long oldestSeq() {
    return Math.max(0, endSeq - slots.length);
  }

  int capacity() {
    return slots.length;
  }

  List<ClickEvent> copy(long fromSeq, long toSeq) {
    if (fromSeq < oldestSeq() || toSeq > endSeq || fromSeq > toSeq) {
      throw new IllegalArgumentException("range [" + fromSeq + ", " + toSeq + ") is outside ["
          + oldestSeq() + ", " + endSeq + ")");
    }
    List<ClickEvent> events = new ArrayList<>((int) (toSeq - fromSeq));
    for (long seq = fromSeq; seq < toSeq; seq++) {
      events.add(slots[slot(seq)]);
    }
    return events;
  }

  private int slot(long seq) {
    return (int) (seq % slots.length);
  }
}
