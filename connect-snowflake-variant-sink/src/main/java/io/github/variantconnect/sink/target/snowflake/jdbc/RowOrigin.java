package io.github.variantconnect.sink.target.snowflake.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.variantconnect.sink.target.Row;
import java.io.IOException;

/** Where a row came from, for error messages: topic and partition from its RECORD_METADATA, and its offset. */
final class RowOrigin {

  private static final JsonFactory JSON = new JsonFactory();

  private RowOrigin() {}

  /** "topic clickstream, partition 1, offset 42", or only the offset when the metadata does not say. */
  static String of(Row row) {
    String topic = null;
    String partition = null;
    try (JsonParser parser = JSON.createParser(row.metadata())) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if ("topic".equals(field)) {
            topic = parser.getValueAsString();
          } else if ("partition".equals(field)) {
            partition = parser.getValueAsString();
          }
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      // The offset alone still finds the record.
    }
    return (topic == null ? "" : "topic " + topic + ", ") + (partition == null ? "" : "partition " + partition + ", ")
        + "offset " + row.offset();
  }
}
