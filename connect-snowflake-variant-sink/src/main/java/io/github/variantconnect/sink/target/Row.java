package io.github.variantconnect.sink.target;

/**
 * One table row: the table it goes to, the Kafka offset it came from and its two JSON documents,
 * ready to store as {@code VARIANT} (Snowflake) or {@code JSON} (DuckDB). The table is per row
 * because transforms may route records of one partition to several tables.
 */
public record Row(String table, long offset, String metadata, String content) {

  /** Approximate size used for buffering limits: characters of both documents. */
  public int size() {
    return metadata.length() + content.length();
  }
}
