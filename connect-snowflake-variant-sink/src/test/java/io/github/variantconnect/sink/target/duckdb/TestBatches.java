package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** Batches of small JSON rows, {"n": offset}, for one table. */
final class TestBatches {

  private TestBatches() {}

  static Batch batch(TopicPartition tp, String table, long from, int count) {
    List<Row> rows = new ArrayList<>();
    for (long offset = from; offset < from + count; offset++) {
      rows.add(new Row(table, offset,
          "{\"topic\":\"" + tp.topic() + "\",\"partition\":" + tp.partition() + ",\"offset\":" + offset + "}",
          "{\"n\":" + offset + "}"));
    }
    return new Batch(List.of(new PartitionBatch(tp, rows, from + count - 1)));
  }
}
