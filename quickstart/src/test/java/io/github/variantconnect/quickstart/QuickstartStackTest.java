package io.github.variantconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.snowflake.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartStackTest {

  @TempDir
  Path temp;

  @Test
  void aTakenDashboardPortFailsAtOnceAndNamesTheSettingToChange() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Properties properties = new Properties();
      properties.setProperty("quickstart.data.dir", temp.resolve("data").toString());
      properties.setProperty("quickstart.dashboard.port", Integer.toString(taken.getLocalPort()));
      properties.setProperty("variantconnect.sql.dir", RepositoryPaths.duckDbSql().toString());
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      assertThatThrownBy(() -> QuickstartStack.start(QuickstartOptions.parse(new String[0], properties),
          new PrintStream(out, true, StandardCharsets.UTF_8)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("-Dquickstart.dashboard.port=");
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("Starting fresh in").doesNotContain("Kafka broker");
    }
  }

  /** The real driver, against an account this machine cannot reach (or that does not exist). */
  @Test
  void aSnowflakeLoginThatCannotSucceedStopsTheStartBeforeTheBrokerNamingWhatToCheck() {
    Properties properties = new Properties();
    properties.setProperty("quickstart.data.dir", temp.resolve("data").toString());
    properties.setProperty("quickstart.dashboard.port", "0");
    properties.setProperty("variantconnect.sql.dir", RepositoryPaths.duckDbSql().toString());
    properties.setProperty("quickstart.dashboard.source", "snowflake");
    properties.setProperty("quickstart.snowflake.account", "vc-no-such-account-" + System.nanoTime());
    properties.setProperty("quickstart.snowflake.user", "DASHBOARD");
    properties.setProperty("quickstart.snowflake.private.key", TestKeys.PEM);
    properties.setProperty("quickstart.snowflake.login.timeout", "1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> QuickstartStack.start(QuickstartOptions.parse(new String[0], properties, Map.of()),
        new PrintStream(out, true, StandardCharsets.UTF_8)))
        .hasMessageContaining("Snowflake login to VARIANT_CONNECT.RAW as DASHBOARD on vc-no-such-account-")
        .hasMessageContaining("quickstart.snowflake.account");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Signing in to Snowflake").doesNotContain("Kafka broker");
  }

  @Test
  void theDuckDbFileHasTheViewsBeforeAnythingElseStarts() throws Exception {
    // Failing on the dashboard port stops the start right after the scripts ran.
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Properties properties = new Properties();
      properties.setProperty("quickstart.data.dir", temp.resolve("data").toString());
      properties.setProperty("quickstart.dashboard.port", Integer.toString(taken.getLocalPort()));
      properties.setProperty("variantconnect.sql.dir", RepositoryPaths.duckDbSql().toString());
      assertThatThrownBy(() -> QuickstartStack.start(QuickstartOptions.parse(new String[0], properties),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
    Integer trains = new DuckDbFile(temp.resolve("data/variant.duckdb"))
        .read(Duration.ZERO, c -> {
          try (ResultSet rs = c.createStatement().executeQuery("SELECT active_trains FROM ATS_KPIS")) {
            rs.next();
            return rs.getInt(1);
          }
        });
    assertThat(trains).isZero();
  }
}
