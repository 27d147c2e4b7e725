package io.github.variantconnect.sink.target.snowflake;

/** {@code snowflake.ingestion.method}: how rows reach Snowflake. */
public enum IngestionMethod {
  /** The streaming SDK: a channel per partition, the Kafka offset as its offset token. */
  SNOWPIPE_STREAMING,
  /** The JDBC driver: set-based INSERTs and an offsets table in one transaction per batch. */
  JDBC
}
