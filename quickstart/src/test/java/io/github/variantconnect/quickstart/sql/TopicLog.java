package io.github.variantconnect.quickstart.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Appends records to the partitions of one topic as a broker would: offsets count up per partition. */
final class TopicLog {

  private final String topic;
  private final long[] nextOffset;
  private final List<SinkRow> rows = new ArrayList<>();

  TopicLog(String topic, int partitions) {
    this.topic = topic;
    this.nextOffset = new long[partitions];
  }

  int partitionFor(String key) {
    return Math.floorMod(key.hashCode(), nextOffset.length);
  }

  SinkRow append(String key, long createTimeMs, Map<String, String> headers, String eventId, String content) {
    int partition = partitionFor(key);
    SinkRow row = new SinkRow(topic, partition, nextOffset[partition]++, createTimeMs, key, headers,
        eventId, content);
    rows.add(row);
    return row;
  }

  /** Every record appended, shuffled: a table has no order, so nothing may depend on insertion order. */
  List<SinkRow> landedRows(long seed) {
    List<SinkRow> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled);
  }
}
