package io.github.variantconnect.quickstart.sql;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * sql/snowflake on a real account, with the same fixtures and the same checks as the DuckDB test
 * (smaller, to keep it quick). Runs only when {@link SnowflakeAccount#configured()}; see
 * sql/README.md for the privileges it needs. It works in a fresh schema of its own and drops it
 * afterwards. 00_setup.sql is not run: it needs account administrator rights a test user should
 * not have.
 */
@EnabledIf("io.github.variantconnect.quickstart.sql.SnowflakeAccount#configured")
class SnowflakeLiveTest {

  @Test
  void scriptsRunTwiceAndEveryViewMatchesAnIndependentComputation() throws Exception {
    AtsFixture ats = AtsFixture.generate(11, 1, 120);
    ClickstreamFixture clicks = ClickstreamFixture.generate(7, 1_500);
    String warehouse = SnowflakeAccount.warehouse();
    SnowflakeAccount.inFreshSchema(warehouse, (connection, schema) -> {
      // Applied once already: the scripts must run again unchanged.
      SnowflakeAccount.applyScripts(connection, warehouse);
      land(connection, "ATS_RAW_JSON", ats.rows);
      land(connection, "CLICKSTREAM_RAW", clicks.rows);
      SnowflakeAccount.refreshDynamicTables(connection);

      // Snowflake's AVG of integers keeps a fixed number of decimals.
      RowAssert rows = new RowAssert(1e-5);
      new AtsViewsCheck(connection, rows).verifyAll(ats);
      new ClickstreamViewsCheck(connection, rows).verifyAll(clicks);
    });
  }

  private static void land(Connection connection, String table, List<SinkRow> rows) throws Exception {
    SnowflakeAccount.land(connection, table, rows.stream().map(SinkRow::metadata).toList(),
        rows.stream().map(SinkRow::content).toList());
  }
}
