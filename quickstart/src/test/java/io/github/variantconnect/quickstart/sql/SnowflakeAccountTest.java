package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live tests' gate opens for a key as users hold it: PEM text over several lines. */
class SnowflakeAccountTest {

  @Test
  void aMultiLinePemKeyOpensTheGateAndAMissingVariableKeepsItShut() {
    String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n";

    assertThat(SnowflakeAccount.configured(Map.of("SNOWFLAKE_ACCOUNT", "xy12345", "SNOWFLAKE_USER", "U",
        "SNOWFLAKE_PRIVATE_KEY", pem))).isTrue();
    assertThat(SnowflakeAccount.configured(Map.of("SNOWFLAKE_ACCOUNT", "xy12345", "SNOWFLAKE_PRIVATE_KEY", pem)))
        .isFalse();
    assertThat(SnowflakeAccount.configured(Map.of("SNOWFLAKE_ACCOUNT", "xy12345", "SNOWFLAKE_USER", "U",
        "SNOWFLAKE_PRIVATE_KEY", "  "))).isFalse();
  }
}
