package io.github.variantconnect.http.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.http.config.RecordTimestamp;
import io.github.variantconnect.http.mapping.RecordFields;
import io.github.variantconnect.http.mapping.ValueConverter;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.source.SourceRecord;

/** Makes the SourceRecord of one item: key and value from the parsed item, the event time as timestamp only when asked. */
final class RecordFactory {

  private final String topic;
  private final RecordFields fields;
  private final ValueConverter values;
  private final boolean eventTimestamps;

  RecordFactory(String topic, RecordFields fields, ValueConverter values, RecordTimestamp timestamp) {
    this.topic = topic;
    this.fields = fields;
    this.values = values;
    this.eventTimestamps = timestamp == RecordTimestamp.EVENT_TIME;
  }

  SourceRecord create(Map<String, ?> partition, Map<String, ?> offset, JsonNode item, Long eventMillis) {
    SchemaAndValue value = values.convert(item);
    return new SourceRecord(partition, offset, topic, null,
        Schema.OPTIONAL_STRING_SCHEMA, fields.key(item), value.schema(), value.value(),
        // No timestamp: the producer stamps the send time (wall clock).
        eventTimestamps ? eventMillis : null);
  }
}
