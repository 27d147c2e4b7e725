package io.github.variantconnect.bench.conversion;

import com.snowflake.kafka.connector.records.RecordService;
import com.snowflake.kafka.connector.records.RecordServiceFactory;
import com.snowflake.kafka.connector.records.SnowflakeJsonSchema;
import com.snowflake.kafka.connector.records.SnowflakeRecordContent;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What the official Snowflake connector (2.5.0, Snowpipe Streaming into a table without
 * schematization) does per record before it hands a row to the ingest SDK: a value that did not
 * come through its own converter is first wrapped into a {@link SnowflakeRecordContent} (its
 * channel's {@code handleNativeRecord}), then {@link RecordService} builds RECORD_METADATA and
 * RECORD_CONTENT as JSON text.
 */
public final class OfficialConnectorConversion {

  private final RecordService records = RecordServiceFactory.createRecordService(false, false);

  public Map<String, Object> convert(SinkRecord record) throws Exception {
    SnowflakeRecordContent content = new SnowflakeRecordContent(record.valueSchema(), record.value(), true);
    SinkRecord wrapped = new SinkRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
        new SnowflakeJsonSchema(), content, record.kafkaOffset(), record.timestamp(), record.timestampType(),
        record.headers());
    return records.getProcessedRecordForStreamingIngest(wrapped);
  }
}
