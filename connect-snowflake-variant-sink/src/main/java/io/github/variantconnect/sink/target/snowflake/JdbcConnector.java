package io.github.variantconnect.sink.target.snowflake;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import net.snowflake.client.jdbc.SnowflakeDriver;

/** Opens a JDBC connection to the account; tests substitute a recording fake. */
@FunctionalInterface
public interface JdbcConnector {

  Connection open() throws SQLException;

  /**
   * The real thing: the Snowflake driver with key-pair (JWT) authentication. The driver is called
   * directly, not through DriverManager, which does not see drivers of a plugin's class loader.
   */
  static JdbcConnector of(SnowflakeConfig config) {
    return () -> {
      Properties props = new Properties();
      props.put("user", config.user());
      props.put("authenticator", "SNOWFLAKE_JWT");
      props.put("privateKey", config.privateKey());
      props.put("db", config.database().asText());
      props.put("schema", config.schema().asText());
      config.role().ifPresent(role -> props.put("role", role.asText()));
      config.warehouse().ifPresent(warehouse -> props.put("warehouse", warehouse.asText()));
      // Arrow result sets need --add-opens on Java 17 workers; the sink reads only a few small results.
      props.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
      props.put("loginTimeout", "60");
      return new SnowflakeDriver().connect(config.url().jdbcUrl(), props);
    };
  }
}
