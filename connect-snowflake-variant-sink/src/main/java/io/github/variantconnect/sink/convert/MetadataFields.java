package io.github.variantconnect.sink.convert;

/**
 * Which fields RECORD_METADATA carries, as switched by the official connector's {@code
 * snowflake.metadata.*} keys. With {@code all} off the column holds an empty object.
 */
public record MetadataFields(boolean all, boolean topic, boolean offsetAndPartition, boolean createTime) {

  public static final MetadataFields ALL = new MetadataFields(true, true, true, true);
}
