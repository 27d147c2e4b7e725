package io.github.variantconnect.quickstart;

import io.github.variantconnect.quickstart.mirror.TargetLag;
import io.github.variantconnect.quickstart.snowflake.SnowflakeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings of the local stack. Each one comes from a flag ({@code --dashboard-port=9000}), else from
 * the matching system property ({@code -Dquickstart.dashboard.port=9000}, which the Maven run
 * command passes on), else from its default.
 *
 * @param dataDir everything kept between runs
 * @param reset whether to empty {@code dataDir} first
 * @param dashboardHost the address the dashboard listens on
 * @param dashboardPort the dashboard's port (0 picks a free one)
 * @param apiPort the demo clickstream API's port (0 picks a free one)
 * @param atsSpeedup simulated seconds per wall second of the ATS source, overriding config/
 * @param configDir connector JSON files
 * @param sqlDir the DuckDB scripts (their {@code refresh/} keeps the mirror of the dynamic tables)
 * @param targetLag how far the DuckDB mirror of the dynamic tables may fall behind the raw tables
 * @param connectorFiles the files of {@code configDir} to register, in order
 * @param dashboardSource where the dashboard reads its panels
 * @param snowflake how to reach Snowflake, present when {@code dashboardSource} is SNOWFLAKE
 */
public record QuickstartOptions(
    Path dataDir,
    boolean reset,
    String dashboardHost,
    int dashboardPort,
    int apiPort,
    String atsSpeedup,
    Path configDir,
    Path sqlDir,
    Duration targetLag,
    List<String> connectorFiles,
    DashboardSource dashboardSource,
    Optional<SnowflakeSettings> snowflake) {

  /** The database holding the views the dashboard reads. */
  public enum DashboardSource { DUCKDB, SNOWFLAKE }

  static final String USAGE = String.join("\n",
      "Variant Connect quickstart: broker, Connect worker, demo clickstream API, DuckDB and dashboard.",
      "",
      "  --data-dir=PATH        state kept between runs   (quickstart.data.dir, default ./quickstart-data)",
      "  --reset                start from scratch        (quickstart.reset=true)",
      "  --dashboard-port=N     dashboard port            (quickstart.dashboard.port, default 8088)",
      "  --dashboard-host=ADDR  dashboard address         (quickstart.dashboard.host, default 127.0.0.1)",
      "  --api-port=N           demo clickstream API port (quickstart.api.port, default 8089)",
      "  --ats-speedup=X        simulated s per wall s    (quickstart.ats.speedup, default 10)",
      "  --connectors=A,B       files of config/ to register (quickstart.connectors)",
      "  --target-lag=D         how far the DuckDB mirror may lag the raw rows (quickstart.target.lag, default 3s)",
      "  --dashboard-source=S   duckdb or snowflake       (quickstart.dashboard.source, default duckdb)",
      "                         snowflake reads quickstart.snowflake.account, .user, .private.key.file",
      "                         (or .private.key), .role, .warehouse, .database, .schema, .login.timeout",
      "  --help                 this text",
      "");

  static final List<String> DEFAULT_CONNECTORS =
      List.of("ats-source.json", "clickstream-http-source.json", "variant-sink-duckdb.json");

  /** Parses {@code args} over {@code properties}; throws IllegalArgumentException on a bad flag. */
  public static QuickstartOptions parse(String[] args, Properties properties) {
    return parse(args, properties, System.getenv());
  }

  /** As {@link #parse(String[], Properties)}, with Snowflake settings also from {@code environment}. */
  public static QuickstartOptions parse(String[] args, Properties properties, Map<String, String> environment) {
    Properties values = new Properties();
    values.putAll(properties);
    for (String arg : args) {
      if (arg.equals("--reset")) {
        values.setProperty("quickstart.reset", "true");
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      String flag = arg.substring(2, eq);
      if (!List.of("data-dir", "reset", "dashboard-port", "dashboard-host", "api-port",
          "ats-speedup", "connectors", "target-lag", "dashboard-source").contains(flag)) {
        throw new IllegalArgumentException("unknown flag --" + flag);
      }
      values.setProperty("quickstart." + flag.replace('-', '.'), arg.substring(eq + 1));
    }
    DashboardSource source = dashboardSource(values.getProperty("quickstart.dashboard.source", "").trim());
    return new QuickstartOptions(
        Path.of(values.getProperty("quickstart.data.dir", "quickstart-data")),
        Boolean.parseBoolean(values.getProperty("quickstart.reset", "false").trim()),
        values.getProperty("quickstart.dashboard.host", "127.0.0.1").trim(),
        port(values, "quickstart.dashboard.port", 8088),
        port(values, "quickstart.api.port", 8089),
        speedup(values.getProperty("quickstart.ats.speedup", "10").trim()),
        Path.of(values.getProperty("variantconnect.config.dir", "config")),
        Path.of(values.getProperty("variantconnect.sql.dir", "sql/duckdb")),
        TargetLag.parse("quickstart.target.lag", values.getProperty("quickstart.target.lag", "3s")),
        connectors(values.getProperty("quickstart.connectors")),
        source,
        source == DashboardSource.SNOWFLAKE
            ? Optional.of(SnowflakeSettings.parse(values, environment))
            : Optional.empty());
  }

  private static DashboardSource dashboardSource(String value) {
    if (value.isEmpty()) {
      return DashboardSource.DUCKDB;
    }
    try {
      return DashboardSource.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("quickstart.dashboard.source must be duckdb or snowflake, got '" + value + "'");
    }
  }

  static boolean wantsHelp(String[] args) {
    return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
  }

  private static int port(Properties values, String key, int fallback) {
    String value = values.getProperty(key, Integer.toString(fallback)).trim();
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " must be a port number (0-65535), got '" + value + "'");
  }

  private static String speedup(String value) {
    try {
      if (Double.parseDouble(value) > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("quickstart.ats.speedup must be a number above 0, got '" + value + "'");
  }

  private static List<String> connectors(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_CONNECTORS;
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
