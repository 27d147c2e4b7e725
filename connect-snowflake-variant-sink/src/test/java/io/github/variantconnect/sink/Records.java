package io.github.variantconnect.sink;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink records as a worker would deliver them. */
public final class Records {

  private Records() {}

  public static SinkRecord json(String topic, int partition, long offset, String json) {
    return new SinkRecord(topic, partition, Schema.STRING_SCHEMA, "k" + offset, null, json, offset,
        1_700_000_000_000L + offset, TimestampType.CREATE_TIME);
  }

  public static SinkRecord value(String topic, int partition, long offset, Schema schema, Object value) {
    return new SinkRecord(topic, partition, Schema.STRING_SCHEMA, "k" + offset, schema, value, offset,
        1_700_000_000_000L + offset, TimestampType.CREATE_TIME);
  }
}
