package io.github.variantconnect.bench.memory;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * A target that keeps no rows, only each partition's next offset (every row must be that one), and
 * samples the live heap while it is being written to: the moment the buffers are at their fullest.
 */
final class CountingTarget implements Target {

  private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();
  private final LongSupplier liveHeap;
  private volatile long mostLiveHeap;

  CountingTarget(LongSupplier liveHeap) {
    this.liveHeap = liveHeap;
  }

  @Override
  public long maxContentBytes() {
    return Long.MAX_VALUE;
  }

  @Override
  public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) {
    return Map.of();
  }

  @Override
  public void write(Batch batch) {
    for (PartitionBatch slice : batch.partitions()) {
      long expected = next.getOrDefault(slice.partition(), 0L);
      for (Row row : slice.rows()) {
        if (row.offset() != expected) {
          gaps.incrementAndGet();
        }
        expected = row.offset() + 1;
        rows.incrementAndGet();
      }
      next.put(slice.partition(), slice.lastOffset() + 1);
    }
    mostLiveHeap = Math.max(mostLiveHeap, liveHeap.getAsLong());
  }

  long rows() {
    return rows.get();
  }

  long gaps() {
    return gaps.get();
  }

  long mostLiveHeap() {
    return mostLiveHeap;
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> committed = new HashMap<>();
    partitions.forEach(tp -> {
      Long n = next.get(tp);
      if (n != null) {
        committed.put(tp, n - 1);
      }
    });
    return committed;
  }

  @Override
  public void resetOffsets(Map<TopicPartition, Long> nextOffsets) {}

  @Override
  public void close(Collection<TopicPartition> partitions) {}

  @Override
  public void close() {}
}
