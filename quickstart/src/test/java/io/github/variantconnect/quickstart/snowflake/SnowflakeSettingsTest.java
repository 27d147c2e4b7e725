package io.github.variantconnect.quickstart.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.quickstart.sql.SqlDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnowflakeSettingsTest {

  @TempDir
  Path temp;

  @Test
  void defaultsAreTheNamesThatTheSetupScriptCreates() throws Exception {
    String setup = Files.readString(SqlDirectory.snowflake().resolve("00_setup.sql"), StandardCharsets.UTF_8);
    SnowflakeSettings settings = SnowflakeSettings.parse(properties(
        "account", "myorg-myaccount", "user", "DASHBOARD", "private.key", TestKeys.PEM), Map.of());

    assertThat(settings.warehouse()).isEqualTo(setVariable(setup, "VC_WAREHOUSE"));
    assertThat(settings.database()).isEqualTo(setVariable(setup, "VC_DATABASE"));
    assertThat(settings.database() + "." + settings.schema()).isEqualTo(setVariable(setup, "VC_SCHEMA"));
    assertThat(settings.role()).isEmpty();
    assertThat(settings.loginTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:snowflake://myorg-myaccount.snowflakecomputing.com/");
    assertThat(settings.key()).isEqualTo(TestKeys.KEY);
  }

  @Test
  void readsTheKeyFromAFileAndTheRestFromTheEnvironmentUnlessAPropertyIsSet() throws Exception {
    Path keyFile = Files.writeString(temp.resolve("rsa_key.p8"), TestKeys.PEM);
    SnowflakeSettings settings = SnowflakeSettings.parse(properties("private.key.file", keyFile.toString(),
        "role", "analyst", "login.timeout", "7"), Map.of(
        "SNOWFLAKE_ACCOUNT", "https://xy12345.eu-central-1.snowflakecomputing.com/", "SNOWFLAKE_USER", "ENV_USER",
        "SNOWFLAKE_ROLE", "IGNORED_ROLE", "SNOWFLAKE_SCHEMA", "raw"));

    assertThat(settings.key()).isEqualTo(TestKeys.KEY);
    assertThat(settings.user()).isEqualTo("ENV_USER");
    assertThat(settings.role()).isEqualTo(Optional.of("ANALYST"));
    assertThat(settings.schema()).isEqualTo("RAW");
    assertThat(settings.loginTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/");
  }

  @Test
  void theKeyNeverShowsInTextAboutTheSettings() {
    SnowflakeSettings settings = SnowflakeSettings.parse(properties(
        "account", "myorg-myaccount", "user", "DASHBOARD", "private.key", TestKeys.PEM), Map.of());
    String body = TestKeys.PEM.split("\n")[1];

    assertThat(settings.toString()).doesNotContain(body);
    assertThat(settings.describe()).doesNotContain(body).contains("VARIANT_CONNECT.RAW", "DASHBOARD");
  }

  @Test
  void eachBadSettingIsNamed() throws Exception {
    String pem = TestKeys.PEM;
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("user", "U", "private.key", pem), Map.of()))
        .hasMessageContaining("quickstart.snowflake.account (or SNOWFLAKE_ACCOUNT) is required");
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("account", "a", "private.key", pem), Map.of()))
        .hasMessageContaining("quickstart.snowflake.user (or SNOWFLAKE_USER) is required");
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("account", "a", "user", "U"), Map.of()))
        .hasMessageContaining("quickstart.snowflake.private.key.file or quickstart.snowflake.private.key");
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("account", "a", "user", "U", "private.key", pem,
        "private.key.file", "k.p8"), Map.of())).hasMessageContaining("not both");
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("account", "a", "user", "U",
        "private.key.file", temp.resolve("absent.p8").toString()), Map.of()))
        .hasMessageStartingWith("quickstart.snowflake.private.key.file: cannot read");
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("account", "a", "user", "U",
        "private.key", "not a key"), Map.of())).hasMessageStartingWith("quickstart.snowflake.private.key is not");
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("account", "a b", "user", "U", "private.key", pem),
        Map.of())).hasMessageStartingWith("quickstart.snowflake.account must be an account identifier");
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("account", "a", "user", "U", "private.key", pem,
        "schema", "KAFKA; DROP TABLE X"), Map.of()))
        .hasMessageStartingWith("quickstart.snowflake.schema must be a plain Snowflake identifier");
    assertThatThrownBy(() -> SnowflakeSettings.parse(properties("account", "a", "user", "U", "private.key", pem,
        "login.timeout", "0"), Map.of())).hasMessageStartingWith("quickstart.snowflake.login.timeout must be");
  }

  /** The value a {@code SET NAME = '...';} line of the script gives. */
  private static String setVariable(String script, String name) {
    Matcher m = Pattern.compile("SET " + name + " = '([^']*)'").matcher(script);
    assertThat(m.find()).as("SET " + name + " in 00_setup.sql").isTrue();
    return m.group(1);
  }

  static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(SnowflakeSettings.PREFIX + keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }
}
