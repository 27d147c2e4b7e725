package io.github.variantconnect.quickstart.snowflake;

import io.github.variantconnect.quickstart.dashboard.PanelSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.snowflake.client.jdbc.SnowflakeDriver;

/**
 * The panels from the views of {@code sql/snowflake}, over one JDBC session kept between rounds (a
 * key-pair login costs a round trip and a JWT; the views cost warehouse time either way). The
 * session is checked with the driver's heartbeat before each round and opened again when it has
 * gone.
 *
 * <p>Logins are bounded: the driver's own {@code loginTimeout} limits its retries, and a login
 * still running past that (plus a grace period) is abandoned, so an unreachable account fails the
 * start within {@link SnowflakeSettings#loginTimeout()} with a message that says what to check.
 */
public final class SnowflakePanelSource implements PanelSource {

  /** Opens a session; tests substitute a fake driver. */
  @FunctionalInterface
  public interface Driver {
    Connection connect(String url, Properties properties) throws SQLException;

    static Driver snowflake() {
      // Called directly rather than through DriverManager: no dependence on driver registration.
      return (url, properties) -> new SnowflakeDriver().connect(url, properties);
    }
  }

  private static final Duration LOGIN_GRACE = Duration.ofSeconds(5);
  private static final int HEARTBEAT_SECONDS = 10;
  private static final int QUERY_TIMEOUT_SECONDS = 120;

  private final SnowflakeSettings settings;
  private final Driver driver;
  private final ExecutorService logins = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "snowflake-login");
    thread.setDaemon(true);
    return thread;
  });
  private Connection connection;

  public SnowflakePanelSource(SnowflakeSettings settings, Driver driver) {
    this.settings = settings;
    this.driver = driver;
  }

  /**
   * Signs in and checks that the session found its database, schema and warehouse: Snowflake
   * accepts a login naming objects that do not exist or that the role cannot use, and only the
   * queries fail later.
   */
  public synchronized void check() throws SQLException, InterruptedException {
    Connection session = session();
    try (Statement statement = session.createStatement();
        ResultSet rs = statement.executeQuery("SELECT CURRENT_DATABASE(), CURRENT_SCHEMA(), CURRENT_WAREHOUSE()")) {
      rs.next();
      missing(rs.getString(1), SnowflakeSettings.DATABASE, settings.database());
      missing(rs.getString(2), SnowflakeSettings.SCHEMA, settings.database() + "." + settings.schema());
      missing(rs.getString(3), SnowflakeSettings.WAREHOUSE, settings.warehouse());
    }
  }

  private void missing(String found, String key, String name) throws SQLException {
    if (found == null) {
      throw new SQLException("Snowflake has no " + name + " that role " + settings.role().orElse("(the user's default)")
          + " can use: create it with sql/snowflake/00_setup.sql, grant USAGE on it, or set " + key);
    }
  }

  @Override
  public synchronized <T> T read(Work<T> work) throws SQLException, InterruptedException {
    return work.run(session());
  }

  /** The open session, or a new one if there is none or it no longer answers a heartbeat. */
  private Connection session() throws SQLException, InterruptedException {
    if (connection != null && !alive(connection)) {
      closeQuietly(connection);
      connection = null;
    }
    if (connection == null) {
      connection = login();
    }
    return connection;
  }

  private static boolean alive(Connection connection) {
    try {
      return !connection.isClosed() && connection.isValid(HEARTBEAT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection login() throws SQLException, InterruptedException {
    AtomicBoolean abandoned = new AtomicBoolean();
    Future<Connection> pending = logins.submit(() -> {
      Connection opened = driver.connect(settings.jdbcUrl(), properties());
      if (abandoned.get()) {
        // Nobody waits for it any more: a session left open would live until Snowflake ends it.
        closeQuietly(opened);
      }
      return opened;
    });
    Duration timeout = settings.loginTimeout();
    try {
      return pending.get(timeout.plus(LOGIN_GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      abandoned.set(true);
      pending.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      abandoned.set(true);
      pending.cancel(true);
      throw new SQLException("Snowflake login to " + settings.describe() + " did not finish within "
          + timeout.toSeconds() + " s (" + SnowflakeSettings.LOGIN_TIMEOUT + "): check "
          + SnowflakeSettings.ACCOUNT + " and that this machine reaches the account over HTTPS", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new SQLException("Snowflake login to " + settings.describe() + " failed: " + cause.getMessage()
          + " (check " + SnowflakeSettings.ACCOUNT + ", " + SnowflakeSettings.USER + ", that the user's RSA_PUBLIC_KEY"
          + " matches the private key, and " + SnowflakeSettings.ROLE + ")", cause);
    }
  }

  /**
   * Connection properties of the Snowflake JDBC driver
   * (https://docs.snowflake.com/en/developer-guide/jdbc/jdbc-parameters); names the driver does not
   * know are set as session parameters.
   */
  Properties properties() {
    Properties properties = new Properties();
    properties.put("user", settings.user());
    properties.put("authenticator", "SNOWFLAKE_JWT");
    properties.put("privateKey", settings.key());
    properties.put("db", settings.database());
    properties.put("schema", settings.schema());
    properties.put("warehouse", settings.warehouse());
    settings.role().ifPresent(role -> properties.put("role", role));
    properties.put("loginTimeout", Long.toString(settings.loginTimeout().toSeconds()));
    properties.put("networkTimeout", Long.toString(Duration.ofSeconds(QUERY_TIMEOUT_SECONDS).toMillis()));
    properties.put("queryTimeout", Integer.toString(QUERY_TIMEOUT_SECONDS));
    // Arrow result sets need --add-opens on Java 17; the panels' results are small.
    properties.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
    // Session parameters: a server-side bound on each query, dates as ResultRows reads them,
    // and a tag so the account's query history shows where the queries come from.
    properties.put("STATEMENT_TIMEOUT_IN_SECONDS", Integer.toString(QUERY_TIMEOUT_SECONDS));
    properties.put("DATE_OUTPUT_FORMAT", "YYYY-MM-DD");
    properties.put("TIMEZONE", "UTC");
    properties.put("QUERY_TAG", "variant-connect-dashboard");
    return properties;
  }

  @Override
  public String description() {
    return "Snowflake " + settings.describe();
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
    }
    logins.shutdownNow();
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // the session is gone either way
    }
  }
}
