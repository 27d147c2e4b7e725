package io.github.variantconnect.sink.target.snowflake;

import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** {@code snowflake.authenticator}: key pair (the default) or OAuth, as in the official connector. */
public enum Authenticator {
  SNOWFLAKE_JWT, OAUTH;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Authenticator parse(String value) {
    return value == null || value.isBlank() ? SNOWFLAKE_JWT : valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  static final class KeyValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        Authenticator.parse(value == null ? null : value.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, "must be snowflake_jwt or oauth");
      }
    }

    @Override
    public String toString() {
      return "snowflake_jwt or oauth";
    }
  }
}
