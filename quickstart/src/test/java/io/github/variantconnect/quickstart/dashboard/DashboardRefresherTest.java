package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardRefresherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path temp;

  private DuckDbFile file;

  @BeforeEach
  void database() throws Exception {
    file = new DuckDbFile(temp.resolve("variant.duckdb"));
    file.write(Duration.ZERO, c -> {
      try {
        SqlScripts.apply(c, RepositoryPaths.duckDbSql());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      c.setAutoCommit(true);
      long offset = 0;
      for (String tick : new String[] {"2026-01-05T07:00:00Z", "2026-01-05T07:00:30Z"}) {
        insert(c, "ATS_RAW_JSON", "ats-telemetry", offset++, fields("event_id", "L1-T01-" + offset,
            "train_id", "L1-T01", "line_id", "L1", "seq", offset, "event_time", tick, "latitude", 47.0,
            "longitude", 8.9, "passenger_count", 100, "power_kw", 120.0, "status", "RUNNING",
            "alerts", new String[0]));
        insert(c, "ATS_RAW_JSON", "ats-telemetry", offset++, fields("event_id", "L1-T02-" + offset,
            "train_id", "L1-T02", "line_id", "L1", "seq", offset, "event_time", tick, "latitude", 47.1,
            "longitude", 8.8, "passenger_count", 700, "power_kw", 60.0, "status", "DWELLING",
            "alerts", new String[] {"OVERCROWDING"}));
      }
      String[] steps = {"page_view", "add_to_cart", "checkout", "purchase"};
      for (int i = 0; i < steps.length; i++) {
        insert(c, "CLICKSTREAM_RAW", "clickstream-http-data", i, fields("event_id", "evt-42-" + i,
            "session_id", "s1", "user_id", "user-1", "event_type", steps[i], "price", 25.0,
            "quantity", 2, "event_time", "2026-01-05T07:0" + i + ":00Z"));
      }
      return null;
    });
    new DuckDbRefresher(file, MirrorRefresh.load(RepositoryPaths.duckDbSql().resolve("refresh"), 1_000),
        Duration.ofSeconds(3)).refreshUntilCaughtUp();
  }

  @Test
  void oneRoundAnswersEveryPanel() throws Exception {
    DashboardRefresher refresher = new DashboardRefresher(file, Duration.ofSeconds(3), CLOCK);
    refresher.refresh();

    JsonNode snapshot = JSON.readTree(refresher.snapshotJson());
    JsonNode panels = snapshot.path("panels");
    assertThat(snapshot.path("error").isNull()).isTrue();
    for (DashboardQuery query : DashboardQuery.values()) {
      assertThat(panels.path(query.key()).path("error").isNull()).as(query.key()).isTrue();
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
    assertThat(panels.path("top_customers").path("rows").path(0).path("revenue").asDouble()).isEqualTo(50.0);
    assertThat(panels.path("daily_revenue").path("rows").path(0).path("event_date").asText()).isEqualTo("2026-01-05");
    assertThat(refresher.kpis()).hasValueSatisfying(row -> assertThat(row).containsEntry("active_trains", 2L));
  }

  @Test
  void aFailingPanelKeepsItsLastGoodAnswer() throws Exception {
    DashboardRefresher refresher = new DashboardRefresher(file, Duration.ofSeconds(3), CLOCK);
    refresher.refresh();
    file.write(Duration.ZERO, c -> c.createStatement().execute("DROP VIEW ATS_KPIS"));

    refresher.refresh();

    JsonNode panels = JSON.readTree(refresher.snapshotJson()).path("panels");
    assertThat(panels.path("kpis").path("error").asText()).contains("ATS_KPIS");
    assertThat(panels.path("kpis").path("rows").path(0).path("active_trains").asInt()).isEqualTo(2);
    assertThat(panels.path("positions").path("error").isNull()).isTrue();
  }

  @Test
  void aMissingFileIsReportedNotThrown() throws Exception {
    DashboardRefresher refresher =
        new DashboardRefresher(new DuckDbFile(temp.resolve("absent.duckdb")), Duration.ofSeconds(3), CLOCK);
    refresher.refresh();

    JsonNode snapshot = JSON.readTree(refresher.snapshotJson());
    assertThat(snapshot.path("error").asText()).isNotBlank();
    assertThat(snapshot.path("panels").path("kpis").path("rows")).isEmpty();
    assertThat(refresher.kpis()).isEmpty();
  }

  private static void insert(Connection c, String table, String topic, long offset, Map<String, Object> content)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO \"" + table + "\" VALUES (?::JSON, ?::JSON)")) {
      insert.setString(1, json(Map.of("topic", topic, "partition", 0, "offset", offset, "CreateTime", 1767596400000L)));
      insert.setString(2, json(content));
      insert.executeUpdate();
    }
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
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
