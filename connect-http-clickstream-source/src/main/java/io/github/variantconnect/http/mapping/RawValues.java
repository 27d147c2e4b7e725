package io.github.variantconnect.http.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/** The item's JSON text as a string value, for users who ask for raw mode. */
final class RawValues implements ValueConverter {

  @Override
  public SchemaAndValue convert(JsonNode item) {
    return new SchemaAndValue(Schema.STRING_SCHEMA, item.toString());
  }
}
