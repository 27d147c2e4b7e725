package io.github.variantconnect.sink.target.snowflake.hpa;

import io.github.variantconnect.sink.target.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as the SDK takes them: column name to value. Both VARIANT columns get the JSON text as a
 * {@code String}, the form {@code SnowflakeStreamingIngestChannel#appendRow} documents for VARIANT
 * ("String (must be a valid JSON value)"). The SDK writes each row map as one line of NDJSON with
 * its Jackson writer ({@code SnowflakeStreamingIngestChannelInternal#serializeRowsToBytes}), so a
 * String travels as a JSON string, escaped but never re-parsed on the client: the text Snowflake
 * parses is the text the converter wrote, 30-digit decimals and every character included.
 */
final class HpaRows {

  static final String METADATA = "RECORD_METADATA";
  static final String CONTENT = "RECORD_CONTENT";

  private HpaRows() {}

  static List<Map<String, Object>> of(List<Row> rows) {
    List<Map<String, Object>> maps = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Map<String, Object> map = new LinkedHashMap<>(4);
      map.put(METADATA, row.metadata());
      map.put(CONTENT, row.content());
      maps.add(map);
    }
    return maps;
  }
}
