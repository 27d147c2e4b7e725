package io.github.variantconnect.ats.config;

import io.github.variantconnect.common.config.EnumKeys;

/** What a telemetry record's value is: the Connect data contract, or its JSON text ready to send. */
public enum ValueFormat {
  /**
   * {@link #JSON} when the connector's {@code value.converter} is the ByteArrayConverter, which
   * would refuse Structs; {@link #STRUCT} otherwise, so a config written for a converter of Structs
   * puts the same bytes on the topic as before.
   */
  AUTO,
  /** A Connect {@code Struct} with the telemetry schema; the worker's value converter serializes it. */
  STRUCT,
  /**
   * The JSON bytes the JsonConverter ({@code schemas.enable=false}) would write for that Struct,
   * with {@code Schema.BYTES_SCHEMA}: for the ByteArrayConverter, which sends them unchanged.
   */
  JSON;

  public static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";

  public String configValue() {
    return EnumKeys.name(this);
  }

  /** This format, with {@link #AUTO} resolved against the connector's value converter (null: the worker's). */
  public ValueFormat resolve(String valueConverter) {
    if (this != AUTO) {
      return this;
    }
    return isByteArrayConverter(valueConverter) ? JSON : STRUCT;
  }

  public static boolean isByteArrayConverter(String valueConverter) {
    return valueConverter != null && valueConverter.trim().equals(BYTE_ARRAY_CONVERTER);
  }
}
