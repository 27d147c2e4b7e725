package com.snowflake.ingest.streaming;

import java.util.Map;

/**
 * The SDK's own row serialisation, reached from its package: {@code
 * SnowflakeStreamingIngestChannelInternal#serializeRowsToBytes} writes rows with {@code
 * Utils.NDJSON_OBJECT_WRITER}, and so does this, so the in-memory fake sees the bytes the native
 * core would receive.
 */
public final class SdkRowWriter {

  private SdkRowWriter() {}

  public static byte[] ndjson(Iterable<Map<String, Object>> rows) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (com.snowflake.shaded.jackson.databind.SequenceWriter writer = Utils.NDJSON_OBJECT_WRITER.writeValues(bytes)) {
      writer.writeAll(rows);
    }
    return bytes.toByteArray();
  }
}
