package io.github.variantconnect.ats.source;

import java.util.Map;

/**
 * A train's position in Connect source offsets. The partition is the train; the offset is the last
 * emitted sequence number plus the simulation's start and wall-clock anchor, so a restarted task
 * rebuilds exactly the same simulation and resumes at {@code seq + 1}.
 */
public record TrainOffset(long seq, long simStartMs, long anchorMs) {

  public static final String TRAIN_ID = "train_id";
  public static final String SEQ = "seq";
  public static final String SIM_START = "sim_start_ms";
  public static final String ANCHOR = "anchor_ms";

  public static Map<String, String> partition(String trainId) {
    return Map.of(TRAIN_ID, trainId);
  }

  public Map<String, Object> toMap() {
    return Map.of(SEQ, seq, SIM_START, simStartMs, ANCHOR, anchorMs);
  }

  /** Rebuilds an offset from what Connect stored; {@code null} stays {@code null} (no offset yet). */
  public static TrainOffset fromMap(Map<String, ?> map) {
    if (map == null) {
      return null;
    }
    return new TrainOffset(number(map, SEQ), number(map, SIM_START), number(map, ANCHOR));
  }

  /** Checks a partition and offset a user wants to write through the KIP-875 REST API. */
  public static void validate(Map<String, ?> partition, Map<String, ?> offset) {
    if (partition == null || !(partition.get(TRAIN_ID) instanceof String id) || id.isBlank()) {
      throw new IllegalArgumentException("source partition must be {\"" + TRAIN_ID + "\": \"<train id>\"}, got " + partition);
    }
    if (offset == null) {
      return; // a null offset resets the train to the start
    }
    TrainOffset parsed = fromMap(offset);
    if (parsed.seq < 0) {
      throw new IllegalArgumentException(SEQ + " must be >= 0 for train " + id);
    }
  }

  private static long number(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("source offset field " + key + " must be a number, got " + value);
    }
    return n.longValue();
  }
}
