package io.github.variantconnect.http.source;

import io.github.variantconnect.http.config.RecordTimestamp;
import io.github.variantconnect.http.mapping.ValueConverter;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.source.SourceRecord;

/** Makes the SourceRecord of one item: key and value read from the item, the event time as timestamp only when asked. */
final class RecordFactory {

  private final String topic;
  private final ValueConverter values;
  private final boolean eventTimestamps;

  RecordFactory(String topic, ValueConverter values, RecordTimestamp timestamp) {
    this.topic = topic;
    this.values = values;
    this.eventTimestamps = timestamp == RecordTimestamp.EVENT_TIME;
  }

  /** The record of {@code item}, its value converted now unless the page reader already did. */
  SourceRecord create(Map<String, ?> partition, Map<String, ?> offset, PageItem item) {
    SchemaAndValue value = item.value() != null ? item.value() : values.convert(item.node());
    return new SourceRecord(partition, offset, topic, null,
        Schema.OPTIONAL_STRING_SCHEMA, item.key(), value.schema(), value.value(),
        // No timestamp: the producer stamps the send time (wall clock).
        eventTimestamps ? item.millis() : null);
  }
}
