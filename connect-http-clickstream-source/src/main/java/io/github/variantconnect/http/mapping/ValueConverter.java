package io.github.variantconnect.http.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.http.config.ValueFormat;
import org.apache.kafka.connect.data.SchemaAndValue;

/** Turns one parsed JSON item into a Connect value; the item is never serialized and parsed again. */
public interface ValueConverter {

  SchemaAndValue convert(JsonNode item);

  static ValueConverter of(ValueFormat format) {
    return switch (format) {
      case SCHEMALESS -> new SchemalessValues();
      case STRUCT -> new StructValues();
      case RAW -> new RawValues();
    };
  }
}
