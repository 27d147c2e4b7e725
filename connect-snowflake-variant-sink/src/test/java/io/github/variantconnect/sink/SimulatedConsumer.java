package io.github.variantconnect.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The worker's consumer, reduced to what exactly-once depends on: per-partition logs, a position
 * that follows the task's seeks, the group's committed offsets, and {@code auto.offset.reset=earliest}
 * when a seek lands beyond the log (a recreated topic).
 */
public final class SimulatedConsumer {

  private final Map<TopicPartition, List<SinkRecord>> logs = new HashMap<>();
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  private final Map<TopicPartition, Long> groupOffsets = new HashMap<>();

  /** Appends {@code count} JSON records to the partition's log. */
  public void produce(TopicPartition tp, int count) {
    List<SinkRecord> log = logs.computeIfAbsent(tp, t -> new ArrayList<>());
    for (int i = 0; i < count; i++) {
      long offset = log.size();
      log.add(Records.json(tp.topic(), tp.partition(), offset, "{\"n\":" + offset + "}"));
    }
  }

  /** Appends one record with the given JSON text as its value; returns its offset. */
  public long produce(TopicPartition tp, String json) {
    List<SinkRecord> log = logs.computeIfAbsent(tp, t -> new ArrayList<>());
    long offset = log.size();
    log.add(Records.json(tp.topic(), tp.partition(), offset, json));
    return offset;
  }

  /** Deletes and recreates the topic of {@code tp}: an empty log, offsets from 0 again. */
  public void recreate(TopicPartition tp) {
    logs.put(tp, new ArrayList<>());
  }

  public long endOffset(TopicPartition tp) {
    return logs.getOrDefault(tp, List.of()).size();
  }

  /** A new assignment: the position is the group's committed offset, or the log's start. */
  public void assign(TopicPartition tp) {
    positions.put(tp, groupOffsets.getOrDefault(tp, 0L));
  }

  /** Seeks the task asked for, applied before the next poll, as the worker does. */
  public void applySeeks(FakeSinkTaskContext context) {
    context.seeks.forEach(positions::put);
    context.seeks.clear();
  }

  /** Up to {@code max} records of the partition from its position. */
  public List<SinkRecord> poll(TopicPartition tp, int max) {
    List<SinkRecord> log = logs.getOrDefault(tp, List.of());
    long position = positions.getOrDefault(tp, 0L);
    if (position > log.size()) {
      position = 0;
    }
    int from = (int) position;
    int to = Math.min(log.size(), from + max);
    positions.put(tp, (long) to);
    return new ArrayList<>(log.subList(from, to));
  }

  public void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, offset) -> groupOffsets.put(tp, offset.offset()));
  }

  public Long groupOffset(TopicPartition tp) {
    return groupOffsets.get(tp);
  }
}
