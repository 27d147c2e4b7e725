package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** Batches as the core hands them to a target. */
final class Batches {

  private Batches() {}

  static Batch batch(PartitionBatch... slices) {
    return new Batch(List.of(slices));
  }

  /** {@code count} rows of {@code tp} from offset {@code from}, into {@code table}. */
  static PartitionBatch slice(TopicPartition tp, String table, long from, int count) {
    List<Row> rows = new ArrayList<>();
    for (long offset = from; offset < from + count; offset++) {
      rows.add(row(tp, table, offset));
    }
    return new PartitionBatch(tp, rows, from + count - 1);
  }

  static Row row(TopicPartition tp, String table, long offset) {
    return new Row(table, offset,
        "{\"topic\":\"" + tp.topic() + "\",\"partition\":" + tp.partition() + ",\"offset\":" + offset + "}",
        "{\"n\":" + offset + "}");
  }
}
