package io.github.variantconnect.sink.target.snowflake;

import java.util.HashMap;
import java.util.Map;

/**
 * Configs written for the official Snowflake Kafka connector, with a generated test key. Only
 * strings and {@link TestKeys}: integration tests, which do not see the plugin's classes, use it too.
 */
public final class OfficialConfigs {

  private OfficialConfigs() {}

  /** As the official connector's docs show it, with a bare base64 key body and streaming ingestion. */
  public static Map<String, String> streaming() {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", "io.github.variantconnect.sink.VariantSinkConnector");
    config.put("tasks.max", "2");
    config.put("topics", "ats-telemetry,clickstream-http-data");
    config.put("snowflake.topic2table.map", "ats-telemetry:ATS_RAW_JSON,clickstream-http-data:CLICKSTREAM_RAW");
    config.put("snowflake.url.name", "myorg-myaccount.snowflakecomputing.com:443");
    config.put("snowflake.user.name", "KAFKA_CONNECTOR_USER");
    config.put("snowflake.private.key", TestKeys.body());
    config.put("snowflake.role.name", "kafka_connector_role");
    config.put("snowflake.database.name", "kafka_db");
    config.put("snowflake.schema.name", "kafka_schema");
    config.put("snowflake.ingestion.method", "SNOWPIPE_STREAMING");
    config.put("snowflake.enable.schematization", "false");
    config.put("snowflake.metadata.all", "true");
    config.put("snowflake.metadata.createtime", "true");
    config.put("buffer.count.records", "10000");
    config.put("buffer.size.bytes", "20000000");
    config.put("buffer.flush.time", "10");
    config.put("behavior.on.null.values", "IGNORE");
    config.put("errors.tolerance", "all");
    config.put("errors.log.enable", "true");
    config.put("errors.deadletterqueue.topic.name", "snowflake-dlq");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    return config;
  }
}
