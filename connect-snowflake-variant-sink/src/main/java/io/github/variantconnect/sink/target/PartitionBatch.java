package io.github.variantconnect.sink.target;

import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * The part of a batch that belongs to one partition. {@code lastOffset} can be past the last row:
 * records that produced no row (ignored tombstones, dead-lettered records) still move the
 * partition's committed offset, so they are not read again after a restart.
 */
public record PartitionBatch(TopicPartition partition, List<Row> rows, long lastOffset) {

  public PartitionBatch {
    rows = List.copyOf(rows);
    if (!rows.isEmpty() && rows.get(rows.size() - 1).offset() > lastOffset) {
      throw new IllegalArgumentException("lastOffset " + lastOffset + " is before the last row of " + partition);
    }
  }
}
