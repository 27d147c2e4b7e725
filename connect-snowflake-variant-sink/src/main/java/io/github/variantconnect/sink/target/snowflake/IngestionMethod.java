package io.github.variantconnect.sink.target.snowflake;

/** {@code snowflake.ingestion.method}: how rows reach Snowflake. */
public enum IngestionMethod {
  /**
   * Snowpipe Streaming's high-performance architecture ({@code snowpipe-streaming} SDK, PIPE
   * objects): a channel per partition on the table's pipe, the Kafka offset as its offset token.
   * The default, as in Snowflake's own connector 4.x.
   */
  SNOWPIPE_STREAMING_HPA,
  /** Classic Snowpipe Streaming ({@code snowflake-ingest-sdk}): a channel per partition on the table. */
  SNOWPIPE_STREAMING,
  /** The JDBC driver: set-based INSERTs and an offsets table in one transaction per batch. */
  JDBC
}
