package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.quickstart.RepositoryPaths;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.mirror.DuckDbRefresher;
import io.github.variantconnect.quickstart.mirror.MirrorRefresh;
import io.github.variantconnect.quickstart.sql.SqlScripts;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
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

  /** A DuckDB file at {@code path} with the views of sql/duckdb and these rows landed. */
  public static DuckDbFile duckDbFile(Path path) throws SQLException, InterruptedException {
    DuckDbFile file = new DuckDbFile(path);
    file.write(Duration.ZERO, c -> {
      try {
        SqlScripts.apply(c, RepositoryPaths.duckDbSql());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      c.setAutoCommit(true);
      landInDuckDb(c);
      return null;
    });
    try {
      // The views read the mirror: bring it up to date with what just landed.
      new DuckDbRefresher(file, MirrorRefresh.load(RepositoryPaths.duckDbSql().resolve("refresh"), 1_000),
          Duration.ofSeconds(3)).refreshUntilCaughtUp();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return file;
  }

  /** The panels these rows must give, whichever engine computed them. */
  public static void assertExpectedPanels(JsonNode panels) {
    for (DashboardQuery query : DashboardQuery.values()) {
      assertThat(panels.path(query.key()).path("error").isNull())
          .as(query.key() + ": " + panels.path(query.key()).path("error")).isTrue();
    }
    JsonNode kpis = panels.path("kpis").path("rows").path(0);
    assertThat(kpis.path("active_trains").asInt()).isEqualTo(2);
    assertThat(kpis.path("avg_passengers").asDouble()).isEqualTo(400.0);
    assertThat(kpis.path("active_alerts").asInt()).isEqualTo(1);
    assertThat(kpis.path("avg_power_kw").asDouble()).isEqualTo(90.0);
    assertThat(kpis.path("as_of").asText()).isEqualTo("2026-01-05T07:00:30Z");
    assertThat(panels.path("timeline").path("rows")).hasSize(2);
    assertThat(panels.path("positions").path("rows")).hasSize(2);
    assertThat(panels.path("stations").path("rows")).hasSize(1);
    assertThat(panels.path("alerts").path("rows").path(0).path("alert_type").asText()).isEqualTo("OVERCROWDING");
    assertThat(panels.path("funnel").path("rows")).hasSize(4);
    assertThat(panels.path("hourly_trends").path("rows")).isNotEmpty();
    assertThat(panels.path("top_customers").path("rows").path(0).path("revenue").asDouble()).isEqualTo(50.0);
    JsonNode day = panels.path("daily_revenue").path("rows").path(0);
    assertThat(day.path("event_date").asText()).isEqualTo("2026-01-05");
    assertThat(day.path("revenue").asDouble()).isEqualTo(50.0);
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
