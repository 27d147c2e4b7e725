package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.quickstart.snowflake.SnowflakePanelSource;
import io.github.variantconnect.quickstart.snowflake.SnowflakeSettings;
import io.github.variantconnect.quickstart.sql.SnowflakeAccount;
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
    SnowflakeAccount.inFreshSchema(warehouse, (connection, schema) -> {
      for (String table : List.of("ATS_RAW_JSON", "CLICKSTREAM_RAW")) {
        List<DashboardFixture.Row> rows =
            DashboardFixture.rows().stream().filter(row -> row.table().equals(table)).toList();
        SnowflakeAccount.land(connection, table, rows.stream().map(DashboardFixture.Row::metadata).toList(),
            rows.stream().map(DashboardFixture.Row::content).toList());
      }
      SnowflakeAccount.refreshDynamicTables(connection);

      DashboardFixture.assertExpectedPanels(readPanels(schema, warehouse));
    });
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
