package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.snowflake.FakeSnowflakeDriver;
import io.github.variantconnect.quickstart.snowflake.SnowflakePanelSource;
import io.github.variantconnect.quickstart.snowflake.SnowflakeSettings;
import io.github.variantconnect.quickstart.snowflake.TestKeys;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard over Snowflake, through a JDBC-level fake of the Snowflake driver that answers from
 * DuckDB: the panels must come out as they do from the DuckDB file, whatever the JVM's time zone,
 * from query texts Snowflake accepts.
 */
class SnowflakePanelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path temp;

  private DuckDbFile file;
  private FakeSnowflakeDriver snowflake;
  private TimeZone jvmZone;

  @BeforeEach
  void landing() throws Exception {
    // A zone far from UTC: a naive timestamp read in the JVM's zone would move by hours.
    jvmZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    file = DashboardFixture.duckDbFile(temp.resolve("variant.duckdb"));
    snowflake = new FakeSnowflakeDriver(file);
  }

  @AfterEach
  void zone() {
    TimeZone.setDefault(jvmZone);
  }

  @Test
  void everyPanelReadsAsItDoesFromDuckDb() throws Exception {
    JsonNode fromDuckDb = panels(new DuckDbPanelSource(file));
    JsonNode fromSnowflake = panels(new SnowflakePanelSource(settings(), snowflake));

    for (DashboardQuery query : DashboardQuery.values()) {
      JsonNode panel = fromSnowflake.path(query.key());
      assertThat(panel.path("error").isNull()).as(query.key() + ": " + panel.path("error")).isTrue();
      assertThat(panel.path("rows")).as(query.key()).isNotEmpty();
      assertSameRows(query.key(), panel.path("rows"), fromDuckDb.path(query.key()).path("rows"));
    }
    DashboardFixture.assertExpectedPanels(fromSnowflake);
    assertThat(snowflake.statements).containsExactlyElementsOf(
        Arrays.stream(DashboardQuery.values()).map(DashboardQuery::sql).toList());
  }

  @Test
  void theFakeRefusesWhatSnowflakeRefuses() throws Exception {
    try (SnowflakePanelSource source = new SnowflakePanelSource(settings(), snowflake)) {
      assertThatThrownBy(() -> source.read(c -> {
        try (Statement statement = c.createStatement()) {
          return statement.executeQuery("SELECT MAX(event_time) - INTERVAL 1 HOUR FROM ATS_TRANSFORMED");
        }
      })).isInstanceOf(SQLException.class).hasMessageContaining("interval constant must be a quoted string");
      assertThatThrownBy(() -> source.read(c -> c.createStatement().executeQuery("SELECT FROM WHERE")))
          .hasMessageContaining("SQL compilation error");
    }
  }

  @Test
  void aLostSessionIsReportedAndTheNextRoundSignsInAgain() throws Exception {
    try (DashboardRefresher refresher =
        new DashboardRefresher(new SnowflakePanelSource(settings(), snowflake), Duration.ofSeconds(30), CLOCK)) {
      refresher.refresh();
      snowflake.loginFailure = new SQLException("JWT token is invalid.", "08001", 390144);
      snowflake.expireSessions();

      refresher.refresh();
      JsonNode failed = JSON.readTree(refresher.snapshotJson());
      assertThat(failed.path("error").asText()).contains("JWT token is invalid.");
      assertThat(failed.path("panels").path("kpis").path("rows").path(0).path("active_trains").asInt()).isEqualTo(2);

      snowflake.loginFailure = null;
      refresher.refresh();
      assertThat(JSON.readTree(refresher.snapshotJson()).path("error").isNull()).isTrue();
      assertThat(snowflake.logins).hasSize(3);
    }
  }

  private JsonNode panels(PanelSource source) throws Exception {
    try (DashboardRefresher refresher = new DashboardRefresher(source, Duration.ofSeconds(3), CLOCK)) {
      refresher.refresh();
      JsonNode snapshot = JSON.readTree(refresher.snapshotJson());
      assertThat(snapshot.path("error").isNull()).as(snapshot.path("error").asText()).isTrue();
      return snapshot.path("panels");
    }
  }

  /** Same columns, same values; numbers by value, since Snowflake answers NUMBER where DuckDB has DOUBLE. */
  private static void assertSameRows(String panel, JsonNode actual, JsonNode expected) {
    assertThat(actual.size()).as(panel + " rows").isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      JsonNode got = actual.get(i);
      assertThat(fieldNames(got)).as(panel).isEqualTo(fieldNames(want));
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = got.path(field.getKey());
        String where = panel + "[" + i + "]." + field.getKey();
        if (field.getValue().isNumber()) {
          assertThat(value.isNumber()).as(where).isTrue();
          assertThat(value.decimalValue()).as(where).isEqualByComparingTo(field.getValue().decimalValue());
        } else {
          assertThat(value).as(where).isEqualTo(field.getValue());
        }
      }
    }
  }

  private static List<String> fieldNames(JsonNode row) {
    List<String> names = new ArrayList<>();
    row.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static SnowflakeSettings settings() {
    Properties properties = new Properties();
    properties.setProperty(SnowflakeSettings.ACCOUNT, "myorg-myaccount");
    properties.setProperty(SnowflakeSettings.USER, "DASHBOARD");
    properties.setProperty(SnowflakeSettings.PRIVATE_KEY, TestKeys.PEM);
    return SnowflakeSettings.parse(properties, Map.of());
  }
}
