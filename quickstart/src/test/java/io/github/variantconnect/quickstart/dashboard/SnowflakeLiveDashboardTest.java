package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.quickstart.snowflake.SnowflakePanelSource;
import io.github.variantconnect.quickstart.snowflake.SnowflakeSettings;
import io.github.variantconnect.quickstart.sql.SnowflakeAccount;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The dashboard's panels read from the views of sql/snowflake on a real account, the way the
 * quickstart reads them with {@code -Dquickstart.dashboard.source=snowflake}. Runs only when
 * SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY are set; works in a fresh schema and
 * drops it afterwards.
 */
@EnabledIf("io.github.variantconnect.quickstart.sql.SnowflakeAccount#configured")
class SnowflakeLiveDashboardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyPanelReadsFromTheSnowflakeViews() throws Exception {
    String warehouse = SnowflakeAccount.warehouse();
    String schema = SnowflakeAccount.freshSchemaName();
    try (Connection connection = SnowflakeAccount.connect(warehouse); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TRANSIENT SCHEMA " + schema);
      try {
        statement.execute("USE SCHEMA " + schema);
        SnowflakeAccount.applyScripts(connection, warehouse);
        for (String table : List.of("ATS_RAW_JSON", "CLICKSTREAM_RAW")) {
          List<DashboardFixture.Row> rows =
              DashboardFixture.rows().stream().filter(row -> row.table().equals(table)).toList();
          SnowflakeAccount.land(connection, table, rows.stream().map(DashboardFixture.Row::metadata).toList(),
              rows.stream().map(DashboardFixture.Row::content).toList());
        }
        statement.execute("ALTER DYNAMIC TABLE ATS_TRANSFORMED REFRESH");
        statement.execute("ALTER DYNAMIC TABLE CLICKSTREAM_EVENTS REFRESH");

        JsonNode panels = readPanels(schema, warehouse);

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
        assertThat(panels.path("alerts").path("rows").path(0).path("alert_type").asText()).isEqualTo("OVERCROWDING");
        assertThat(panels.path("funnel").path("rows")).hasSize(4);
        assertThat(panels.path("hourly_trends").path("rows")).isNotEmpty();
        JsonNode day = panels.path("daily_revenue").path("rows").path(0);
        assertThat(day.path("event_date").asText()).isEqualTo("2026-01-05");
        assertThat(day.path("revenue").asDouble()).isEqualTo(50.0);
        assertThat(panels.path("top_customers").path("rows").path(0).path("user_id").asText()).isEqualTo("user-1");
      } finally {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /** Account, user, key and role from the same SNOWFLAKE_* variables; schema and warehouse as set up here. */
  private static JsonNode readPanels(String schema, String warehouse) throws Exception {
    Properties properties = new Properties();
    properties.setProperty(SnowflakeSettings.SCHEMA, schema);
    properties.setProperty(SnowflakeSettings.WAREHOUSE, warehouse);
    properties.setProperty(SnowflakeSettings.DATABASE, SnowflakeAccount.database());
    SnowflakePanelSource source = new SnowflakePanelSource(SnowflakeSettings.parse(properties, System.getenv()),
        SnowflakePanelSource.Driver.snowflake());
    try (DashboardRefresher refresher = new DashboardRefresher(source, Duration.ofSeconds(30), Clock.systemUTC())) {
      source.check();
      refresher.refresh();
      JsonNode snapshot = JSON.readTree(refresher.snapshotJson());
      assertThat(snapshot.path("error").isNull()).as(snapshot.path("error").asText()).isTrue();
      return snapshot.path("panels");
    }
  }
}
