package io.github.variantconnect.quickstart.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.quickstart.RepositoryPaths;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.sql.SqlScripts;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnowflakePanelSourceTest {

  @TempDir
  Path temp;

  private FakeSnowflakeDriver snowflake;

  @BeforeEach
  void views() throws Exception {
    DuckDbFile file = new DuckDbFile(temp.resolve("views.duckdb"));
    file.write(Duration.ZERO, c -> {
      try {
        return SqlScripts.apply(c, RepositoryPaths.duckDbSql());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    snowflake = new FakeSnowflakeDriver(file);
  }

  @Test
  void signsInWithTheKeyPairAndBoundsEveryWait() throws Exception {
    try (SnowflakePanelSource source = source("login.timeout", "7", "role", "dashboard_reader")) {
      source.check();
    }

    Properties login = snowflake.logins.get(0);
    assertThat(login.get("privateKey")).isEqualTo(TestKeys.KEY);
    assertThat(login).containsEntry("authenticator", "SNOWFLAKE_JWT").containsEntry("user", "DASHBOARD")
        .containsEntry("db", "VARIANT_CONNECT").containsEntry("schema", "RAW")
        .containsEntry("warehouse", "VARIANT_CONNECT_WH").containsEntry("role", "DASHBOARD_READER")
        .containsEntry("loginTimeout", "7").containsEntry("JDBC_QUERY_RESULT_FORMAT", "JSON")
        .containsEntry("TIMEZONE", "UTC").containsKeys("networkTimeout", "queryTimeout", "STATEMENT_TIMEOUT_IN_SECONDS");
    String body = TestKeys.PEM.split("\n")[1];
    assertThat(login.values()).noneMatch(value -> value instanceof String text && text.contains(body));
  }

  @Test
  void anAccountThatNeverAnswersFailsAfterTheLoginTimeoutNamingTheSetting() {
    snowflake.unreachable = true;
    try (SnowflakePanelSource source = source("login.timeout", "1")) {
      assertThatThrownBy(source::check)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("did not finish within 1 s (quickstart.snowflake.login.timeout)")
          .hasMessageContaining("check quickstart.snowflake.account");
    }
  }

  @Test
  void aRejectedLoginSaysWhatToCheck() {
    snowflake.loginFailure = new SQLException("JWT token is invalid.", "08001", 390144);
    try (SnowflakePanelSource source = source()) {
      assertThatThrownBy(source::check)
          .hasMessageContaining("Snowflake login to VARIANT_CONNECT.RAW as DASHBOARD on myorg-myaccount")
          .hasMessageContaining("failed: JWT token is invalid.")
          .hasMessageContaining("RSA_PUBLIC_KEY");
    }
  }

  @Test
  void aSchemaTheSessionCannotUseIsNamedWithItsSetting() {
    snowflake.schemaMissing = true;
    try (SnowflakePanelSource source = source()) {
      assertThatThrownBy(source::check)
          .hasMessageContaining("no VARIANT_CONNECT.RAW")
          .hasMessageContaining("quickstart.snowflake.schema");
    }
  }

  @Test
  void oneSessionServesEveryRoundUntilItEnds() throws Exception {
    try (SnowflakePanelSource source = source()) {
      Connection first = source.read(c -> c);
      Connection again = source.read(c -> c);
      assertThat(again).isSameAs(first);
      assertThat(snowflake.logins).hasSize(1);

      snowflake.expireSessions();
      Connection second = source.read(c -> c);

      assertThat(second).isNotSameAs(first);
      assertThat(first.isClosed()).isTrue();
      assertThat(snowflake.logins).hasSize(2);
      source.close();
      assertThat(second.isClosed()).isTrue();
    }
  }

  private SnowflakePanelSource source(String... extra) {
    Properties properties = SnowflakeSettingsTest.properties(
        "account", "myorg-myaccount", "user", "DASHBOARD", "private.key", TestKeys.PEM);
    properties.putAll(SnowflakeSettingsTest.properties(extra));
    return new SnowflakePanelSource(SnowflakeSettings.parse(properties, Map.of()), snowflake);
  }
}
