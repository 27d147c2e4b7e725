package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;

/**
 * Builds one high-performance Snowpipe Streaming client for a pipe. The SDK binds a client to
 * exactly one account/database/schema/pipe, so the target asks for one per pipe it writes through.
 * Production builds the SDK's client ({@link SdkClientFactory}); tests hand in an in-memory one.
 */
@FunctionalInterface
public interface HpaClientFactory {

  /**
   * @param clientName shown in Snowflake's views of clients; unique per task and pipe
   * @param pipe the pipe name, as Snowflake spells it (a default pipe is {@code <TABLE>-STREAMING})
   */
  SnowflakeStreamingIngestClient create(String clientName, String pipe);
}
