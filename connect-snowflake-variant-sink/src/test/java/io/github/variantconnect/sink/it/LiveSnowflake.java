package io.github.variantconnect.sink.it;

import java.util.Map;

/**
 * Whether a Snowflake account is configured for the live tests: SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER
 * and SNOWFLAKE_PRIVATE_KEY set and not blank. A method condition ({@code @EnabledIf}) rather than
 * {@code @EnabledIfEnvironmentVariable(matches = ".+")}, whose regex never matches a multi-line PEM
 * key, so the tests would always skip.
 */
public final class LiveSnowflake {

  static final String[] REQUIRED = {"SNOWFLAKE_ACCOUNT", "SNOWFLAKE_USER", "SNOWFLAKE_PRIVATE_KEY"};

  private LiveSnowflake() {}

  /** For {@code @EnabledIf("io.github.variantconnect.sink.it.LiveSnowflake#configured")}. */
  public static boolean configured() {
    return configured(System.getenv());
  }

  static boolean configured(Map<String, String> env) {
    for (String name : REQUIRED) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
