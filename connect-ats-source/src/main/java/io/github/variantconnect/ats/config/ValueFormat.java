package io.github.variantconnect.ats.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
    return name().toLowerCase(Locale.ROOT);
  }

  public static ValueFormat parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  public static List<String> configValues() {
    return Arrays.stream(values()).map(ValueFormat::configValue).toList();
  }
}
