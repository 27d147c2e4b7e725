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
   * The real thing: the Snowflake driver with key-pair (JWT) or OAuth authentication, through the
   * configured proxy. The driver is called directly, not through DriverManager, which does not see
   * drivers of a plugin's class loader.
   */
  static JdbcConnector of(SnowflakeConfig config) {
    OAuthTokens tokens = config.authenticator() == Authenticator.OAUTH
        ? new OAuthTokens(config.oauth(), config.proxy().orElse(null)) : null;
    ConnectBudget budget = ConnectBudget.of(config.connectBudget(), config.url().host(), config.url().port());
    return budget.jdbc("logging in to " + config.url().host() + " over JDBC",
        () -> new SnowflakeDriver().connect(config.url().jdbcUrl(), properties(config, tokens)));
  }

  /** The driver's connection properties (https://docs.snowflake.com/en/developer-guide/jdbc/jdbc-parameters). */
  static Properties properties(SnowflakeConfig config, OAuthTokens tokens) throws SQLException {
    Properties props = new Properties();
    props.put("user", config.user());
    if (tokens != null) {
      props.put("authenticator", "OAUTH");
      props.put("token", tokens.accessToken());
    } else {
      props.put("authenticator", "SNOWFLAKE_JWT");
      props.put("privateKey", config.privateKey());
    }
    props.put("db", config.database().asText());
    props.put("schema", config.schema().asText());
    config.role().ifPresent(role -> props.put("role", role.asText()));
    config.warehouse().ifPresent(warehouse -> props.put("warehouse", warehouse.asText()));
    config.proxy().ifPresent(proxy -> {
      props.put("useProxy", "true");
      props.put("proxyHost", proxy.host());
      props.put("proxyPort", Integer.toString(proxy.port()));
      if (!proxy.user().isEmpty()) {
        props.put("proxyUser", proxy.user());
        props.put("proxyPassword", proxy.password());
      }
      if (!proxy.nonProxyHosts().isEmpty()) {
        props.put("nonProxyHosts", proxy.nonProxyHosts());
      }
    });
    // Arrow result sets need --add-opens on Java 17 workers; the sink reads only a few small results.
    props.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
    // The connect budget bounds the whole login; the driver's own limit only ends a single attempt sooner.
    props.put("loginTimeout", Long.toString(Math.max(1, config.connectBudget().toSeconds())));
    return props;
  }
}
