package io.github.variantconnect.http.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.http.config.ValueFormat;
import org.apache.kafka.connect.data.SchemaAndValue;

/** Turns one parsed JSON item into a Connect value; the item is never serialized and parsed again. */
public interface ValueConverter {

  SchemaAndValue convert(JsonNode item);

  /**
   * True when a value depends on the items converted before it, so items must be converted one at a
   * time in page order; otherwise any thread may convert any item.
   */
  default boolean dependsOnItemOrder() {
    return false;
  }

  static ValueConverter of(ValueFormat format) {
    return switch (format) {
      case SCHEMALESS -> new SchemalessValues();
      case STRUCT -> new StructValues();
      case RAW -> new RawValues();
    };
  }
}
