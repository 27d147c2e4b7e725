package io.github.variantconnect.quickstart.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small landing whose panels are known: two trains at two ticks (one overcrowded, dwelling) and
 * one session through the whole funnel. Expected: 2 active trains, 400 average passengers, 1 active
 * alert, 90 kW average power, as of 2026-01-05T07:00:30Z; revenue 50 on 2026-01-05.
 */
public final class DashboardFixture {

  /** One raw row as the sink lands it. */
  public record Row(String table, String metadata, String content) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private DashboardFixture() {}

  public static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    long offset = 0;
    for (String tick : new String[] {"2026-01-05T07:00:00Z", "2026-01-05T07:00:30Z"}) {
      rows.add(row("ATS_RAW_JSON", "ats-telemetry", offset++, fields("event_id", "L1-T01-" + offset,
          "train_id", "L1-T01", "line_id", "L1", "seq", offset, "event_time", tick, "latitude", 47.0,
          "longitude", 8.9, "passenger_count", 100, "power_kw", 120.0, "status", "RUNNING",
          "alerts", new String[0])));
      rows.add(row("ATS_RAW_JSON", "ats-telemetry", offset++, fields("event_id", "L1-T02-" + offset,
          "train_id", "L1-T02", "line_id", "L1", "seq", offset, "event_time", tick, "latitude", 47.1,
          "longitude", 8.8, "passenger_count", 700, "power_kw", 60.0, "status", "DWELLING",
          "alerts", new String[] {"OVERCROWDING"})));
    }
    String[] steps = {"page_view", "add_to_cart", "checkout", "purchase"};
    for (int i = 0; i < steps.length; i++) {
      rows.add(row("CLICKSTREAM_RAW", "clickstream-http-data", i, fields("event_id", "evt-42-" + i,
          "session_id", "s1", "user_id", "user-1", "event_type", steps[i], "price", 25.0,
          "quantity", 2, "event_time", "2026-01-05T07:0" + i + ":00Z")));
    }
    return rows;
  }

  /** Lands the rows in a DuckDB database that has the tables of sql/duckdb. */
  public static void landInDuckDb(Connection c) throws SQLException {
    for (Row row : rows()) {
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO \"" + row.table() + "\" VALUES (?::JSON, ?::JSON)")) {
        insert.setString(1, row.metadata());
        insert.setString(2, row.content());
        insert.executeUpdate();
      }
    }
  }

  private static Row row(String table, String topic, long offset, Map<String, Object> content) {
    return new Row(table,
        json(Map.of("topic", topic, "partition", 0, "offset", offset, "CreateTime", 1767596400000L)),
        json(content));
  }

  private static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return fields;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
