package io.github.variantconnect.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveSnowflakeTest {

  private static final String PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQ\n"
      + "-----END PRIVATE KEY-----\n";

  @Test
  void aMultiLinePemKeyEnablesTheLiveTests() {
    assertThat(LiveSnowflake.configured(Map.of("SNOWFLAKE_ACCOUNT", "org-acct", "SNOWFLAKE_USER", "U",
        "SNOWFLAKE_PRIVATE_KEY", PEM))).isTrue();
    assertThat(PEM.matches(".+")).as("why matches = \".+\" skipped every run").isFalse();
  }

  @Test
  void aMissingOrBlankVariableSkipsThem() {
    assertThat(LiveSnowflake.configured(Map.of("SNOWFLAKE_ACCOUNT", "org-acct", "SNOWFLAKE_USER", "U"))).isFalse();
    assertThat(LiveSnowflake.configured(Map.of("SNOWFLAKE_ACCOUNT", "org-acct", "SNOWFLAKE_USER", " ",
        "SNOWFLAKE_PRIVATE_KEY", PEM))).isFalse();
  }
}
