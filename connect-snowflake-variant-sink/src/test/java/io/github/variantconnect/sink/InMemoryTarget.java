package io.github.variantconnect.sink;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A transactional target in memory that survives "crashes" of the writers using it: rows and
 * offsets change together, and failures can be queued for the next calls.
 */
public final class InMemoryTarget implements Target {

  public final List<Row> rows = new ArrayList<>();
  public final Map<TopicPartition, Long> offsets = new HashMap<>();
  public final Deque<TargetException> failures = new ArrayDeque<>();
  /** Failures for the next committedOffsets calls only. */
  public final Deque<TargetException> committedFailures = new ArrayDeque<>();
  public int writes;
  public long maxContentBytes = Long.MAX_VALUE;

  @Override
  public long maxContentBytes() {
    return maxContentBytes;
  }

  @Override
  public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) throws TargetException {
    failNext();
    Map<TopicPartition, Long> result = new HashMap<>();
    partitions.forEach(tp -> {
      if (offsets.containsKey(tp)) {
        result.put(tp, offsets.get(tp));
      }
    });
    return result;
  }

  @Override
  public void write(Batch batch) throws TargetException {
    failNext();
    writes++;
    for (PartitionBatch slice : batch.partitions()) {
      long done = offsets.getOrDefault(slice.partition(), -1L);
      for (Row row : slice.rows()) {
        if (row.offset() > done) {
          rows.add(row);
        }
      }
      offsets.merge(slice.partition(), slice.lastOffset(), Math::max);
    }
  }

  private void failNext() throws TargetException {
    TargetException failure = failures.poll();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) throws TargetException {
    TargetException failure = committedFailures.poll();
    if (failure != null) {
      throw failure;
    }
    Map<TopicPartition, Long> result = new HashMap<>();
    partitions.forEach(tp -> {
      if (offsets.containsKey(tp)) {
        result.put(tp, offsets.get(tp));
      }
    });
    return result;
  }

  @Override
  public void resetOffsets(Map<TopicPartition, Long> nextOffsets) throws TargetException {
    failNext();
    nextOffsets.forEach((tp, next) -> {
      if (next > 0) {
        offsets.put(tp, next - 1);
      } else {
        offsets.remove(tp);
      }
    });
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {}

  @Override
  public void close() {}
}
