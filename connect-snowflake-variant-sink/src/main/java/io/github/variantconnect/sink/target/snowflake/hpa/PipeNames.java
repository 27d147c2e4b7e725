package io.github.variantconnect.sink.target.snowflake.hpa;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which pipe a table is written through. Snowflake gives every table a default pipe named
 * {@code <TABLE>-STREAMING} that maps columns by name
 * (https://docs.snowflake.com/en/user-guide/snowpipe-streaming/snowpipe-streaming-high-performance-overview);
 * {@code snowflake.hpa.pipe.map} names another pipe (one that transforms, say) per table.
 */
public final class PipeNames {

  private final Map<String, String> configured;

  private PipeNames(Map<String, String> configured) {
    this.configured = Map.copyOf(configured);
  }

  /** Parses {@code TABLE:PIPE,TABLE:PIPE}; blank means every table uses its default pipe. */
  public static PipeNames parse(String value) {
    Map<String, String> map = new LinkedHashMap<>();
    if (value != null && !value.isBlank()) {
      for (String entry : value.split(",")) {
        String[] parts = entry.trim().split(":", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          throw new IllegalArgumentException("entry '" + entry.trim() + "' is not TABLE:PIPE");
        }
        String table = parts[0].trim();
        if (map.put(table, parts[1].trim()) != null) {
          throw new IllegalArgumentException("table " + table + " is listed twice");
        }
      }
    }
    return new PipeNames(map);
  }

  public String pipeFor(String table) {
    String pipe = configured.get(table);
    return pipe != null ? pipe : table + "-STREAMING";
  }
}
