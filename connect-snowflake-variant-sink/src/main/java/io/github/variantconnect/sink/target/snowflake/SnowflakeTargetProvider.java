package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetProvider;
import io.github.variantconnect.sink.target.TargetSettings;
import io.github.variantconnect.sink.target.snowflake.jdbc.SnowflakeJdbcTarget;
import io.github.variantconnect.sink.target.snowflake.streaming.SdkStreamingIngest;
import io.github.variantconnect.sink.target.snowflake.streaming.SnowpipeStreamingTarget;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code variant.target=snowflake}: Snowflake VARIANT tables, through Snowpipe Streaming (the
 * default) or JDBC as {@code snowflake.ingestion.method} says. Nothing contacts Snowflake before a
 * task opens its partitions.
 */
public final class SnowflakeTargetProvider implements TargetProvider {

  public static final String NAME = "snowflake";

  private static final Logger log = LoggerFactory.getLogger(SnowflakeTargetProvider.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ConfigDef configDef() {
    return SnowflakeConfig.CONFIG_DEF;
  }

  @Override
  public List<KeyError> validate(Map<String, String> connectorConfig) {
    return SnowflakeConfig.validate(connectorConfig);
  }

  @Override
  public Target create(TargetSettings settings) {
    SnowflakeConfig config = new SnowflakeConfig(settings.config());
    TopicTableMap routing = VariantSinkConfig.topicTableMap(settings.config());
    SnowflakeTables tables = new SnowflakeTables(config.database(), config.schema());
    JdbcConnector jdbc = JdbcConnector.of(config);
    log.info("Task {} of {} writes to Snowflake: {}", settings.taskId(), settings.connectorName(), config);
    if (config.ingestionMethod() == IngestionMethod.JDBC) {
      return new SnowflakeJdbcTarget(jdbc, tables, config.offsetsTable(), settings.connectorName());
    }
    String clientName = clientName(settings);
    return new SnowpipeStreamingTarget(() -> SdkStreamingIngest.connect(config, clientName), jdbc, tables, routing,
        settings.connectorName());
  }

  /** One streaming client per task; its name shows in Snowflake's views of clients. */
  static String clientName(TargetSettings settings) {
    return "VARIANT_CONNECT_" + settings.connectorName().replaceAll("[^A-Za-z0-9_]", "_") + "_" + settings.taskId();
  }
}
