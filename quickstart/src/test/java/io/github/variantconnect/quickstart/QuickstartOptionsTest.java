package io.github.variantconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.quickstart.snowflake.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QuickstartOptionsTest {

  @Test
  void defaultsServeTheDashboardOn8088AndKeepStateInQuickstartData() {
    QuickstartOptions options = QuickstartOptions.parse(new String[0], new Properties());

    assertThat(options.dashboardPort()).isEqualTo(8088);
    assertThat(options.dashboardHost()).isEqualTo("127.0.0.1");
    assertThat(options.apiPort()).isEqualTo(8089);
    assertThat(options.dataDir()).isEqualTo(Path.of("quickstart-data"));
    assertThat(options.reset()).isFalse();
    assertThat(options.atsSpeedup()).isEqualTo("10");
    assertThat(options.targetLag()).isEqualTo(Duration.ofSeconds(3));
    assertThat(options.connectorFiles())
        .containsExactly("ats-source.json", "clickstream-http-source.json", "variant-sink-duckdb.json");
    assertThat(options.dashboardSource()).isEqualTo(QuickstartOptions.DashboardSource.DUCKDB);
    assertThat(options.snowflake()).isEmpty();
  }

  @Test
  void theDashboardReadsSnowflakeWithSettingsFromPropertiesAndTheEnvironment() {
    Properties properties = new Properties();
    properties.setProperty("quickstart.dashboard.source", "snowflake");
    properties.setProperty("quickstart.snowflake.private.key", TestKeys.PEM);
    properties.setProperty("quickstart.snowflake.warehouse", "DASHBOARD_WH");

    QuickstartOptions options = QuickstartOptions.parse(new String[0], properties,
        Map.of("SNOWFLAKE_ACCOUNT", "myorg-myaccount", "SNOWFLAKE_USER", "DASHBOARD", "SNOWFLAKE_WAREHOUSE", "OTHER"));

    assertThat(options.dashboardSource()).isEqualTo(QuickstartOptions.DashboardSource.SNOWFLAKE);
    assertThat(options.snowflake()).hasValueSatisfying(snowflake -> {
      assertThat(snowflake.user()).isEqualTo("DASHBOARD");
      assertThat(snowflake.warehouse()).isEqualTo("DASHBOARD_WH");
    });
    assertThat(QuickstartOptions.parse(new String[] {"--dashboard-source=DuckDB"}, properties, Map.of())
        .snowflake()).isEmpty();
  }

  @Test
  void aSnowflakeDashboardWithoutItsSettingsOrAnUnknownSourceIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--dashboard-source=snowflake"}, new Properties(),
        Map.of())).hasMessageContaining("quickstart.snowflake.account (or SNOWFLAKE_ACCOUNT) is required");
    assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--dashboard-source=postgres"}, new Properties(),
        Map.of())).hasMessage("quickstart.dashboard.source must be duckdb or snowflake, got 'postgres'");
  }

  @Test
  void systemPropertiesSetWhatTheMavenCommandPassesOn() {
    Properties properties = new Properties();
    properties.setProperty("quickstart.dashboard.port", "9000");
    properties.setProperty("quickstart.reset", "true");
    properties.setProperty("quickstart.data.dir", "/tmp/qs");
    properties.setProperty("variantconnect.sql.dir", "/repo/sql/duckdb");

    QuickstartOptions options = QuickstartOptions.parse(new String[0], properties);

    assertThat(options.dashboardPort()).isEqualTo(9000);
    assertThat(options.reset()).isTrue();
    assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/qs"));
    assertThat(options.sqlDir()).isEqualTo(Path.of("/repo/sql/duckdb"));
  }

  @Test
  void flagsWinOverSystemProperties() {
    Properties properties = new Properties();
    properties.setProperty("quickstart.dashboard.port", "9000");

    QuickstartOptions options = QuickstartOptions.parse(
        new String[] {"--dashboard-port=9100", "--reset", "--connectors=ats-source.json", "--ats-speedup=2.5",
            "--target-lag=1m"},
        properties);

    assertThat(options.dashboardPort()).isEqualTo(9100);
    assertThat(options.reset()).isTrue();
    assertThat(options.connectorFiles()).containsExactly("ats-source.json");
    assertThat(options.atsSpeedup()).isEqualTo("2.5");
    assertThat(options.targetLag()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--dashboard-port=http"}, new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quickstart.dashboard.port");
    assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--ats-speedup=0"}, new Properties()))
        .hasMessageContaining("quickstart.ats.speedup");
    assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--target-lag=soon"}, new Properties()))
        .hasMessageContaining("quickstart.target.lag");
    assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--port=1"}, new Properties()))
        .hasMessageContaining("--port");
  }

  @Test
  void helpIsRecognised() {
    assertThat(QuickstartOptions.wantsHelp(new String[] {"--help"})).isTrue();
    assertThat(QuickstartOptions.wantsHelp(new String[] {"--reset"})).isFalse();
  }
}
