package io.github.variantconnect.ats.config;

import io.github.variantconnect.common.config.EnumKeys;

/** What a telemetry record's value is: the Connect data contract, or its JSON text ready to send. */
public enum ValueFormat {
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
}
