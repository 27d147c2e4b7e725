package io.github.variantconnect.sink.target;

import java.util.List;

/** What one flush hands to the target: the buffered slices of one or more partitions. */
public record Batch(List<PartitionBatch> partitions) {

  public Batch {
    partitions = List.copyOf(partitions);
  }

  public int rowCount() {
    int count = 0;
    for (PartitionBatch partition : partitions) {
      count += partition.rows().size();
    }
    return count;
  }

  public long size() {
    long size = 0;
    for (PartitionBatch partition : partitions) {
      for (Row row : partition.rows()) {
        size += row.size();
      }
    }
    return size;
  }

  public boolean isEmpty() {
    return partitions.isEmpty();
  }
}
