package io.github.variantconnect.quickstart.sql;

import io.github.variantconnect.quickstart.snowflake.SnowflakeKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real account the live tests use, from SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER and
 * SNOWFLAKE_PRIVATE_KEY (an unencrypted PKCS#8 key), with SNOWFLAKE_ROLE, SNOWFLAKE_DATABASE and
 * SNOWFLAKE_WAREHOUSE optional. Tests work in a fresh schema of their own and drop it afterwards.
 */
public final class SnowflakeAccount {

  private static final String SCRIPT_WAREHOUSE = "WAREHOUSE = VARIANT_CONNECT_WH";

  private SnowflakeAccount() {}

  /**
   * For {@code @EnabledIf}: whether the three variables are set. A PEM key spans lines, which
   * {@code @EnabledIfEnvironmentVariable(matches = ".+")} never matches, so that gate always skipped.
   */
  public static boolean configured() {
    return configured(System.getenv());
  }

  static boolean configured(Map<String, String> environment) {
    return Stream.of("SNOWFLAKE_ACCOUNT", "SNOWFLAKE_USER", "SNOWFLAKE_PRIVATE_KEY")
        .allMatch(name -> environment.get(name) != null && !environment.get(name).isBlank());
  }

  public static String warehouse() {
    return identifier(env("SNOWFLAKE_WAREHOUSE", "VARIANT_CONNECT_WH"));
  }

  public static String database() {
    return identifier(env("SNOWFLAKE_DATABASE", "VARIANT_CONNECT"));
  }

  /** What a live test does in its schema. */
  @FunctionalInterface
  public interface InSchema {
    void run(Connection connection, String schema) throws Exception;
  }

  /**
   * Runs {@code work} in a new transient schema holding the objects of sql/snowflake's scripts but
   * 00_setup.sql (it needs administrator rights), then drops the schema.
   */
  public static void inFreshSchema(String warehouse, InSchema work) throws Exception {
    String schema = "VC_SQL_TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    try (Connection connection = connect(warehouse); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TRANSIENT SCHEMA " + schema);
      try {
        statement.execute("USE SCHEMA " + schema);
        applyScripts(connection, warehouse);
        work.run(connection, schema);
      } finally {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /** Brings the dynamic tables up to date with what was landed, instead of waiting for their lag. */
  public static void refreshDynamicTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER DYNAMIC TABLE ATS_TRANSFORMED REFRESH");
      statement.execute("ALTER DYNAMIC TABLE CLICKSTREAM_EVENTS REFRESH");
    }
  }

  public static Connection connect(String warehouse) throws SQLException {
    String account = System.getenv("SNOWFLAKE_ACCOUNT").strip();
    String host = account.contains(".snowflakecomputing.com") ? account : account + ".snowflakecomputing.com";
    Properties properties = new Properties();
    properties.put("user", System.getenv("SNOWFLAKE_USER"));
    properties.put("privateKey", SnowflakeKeys.read(System.getenv("SNOWFLAKE_PRIVATE_KEY"), "SNOWFLAKE_PRIVATE_KEY"));
    properties.put("db", database());
    properties.put("warehouse", warehouse);
    properties.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
    String role = System.getenv("SNOWFLAKE_ROLE");
    if (role != null && !role.isBlank()) {
      properties.put("role", identifier(role.strip()));
    }
    return DriverManager.getConnection("jdbc:snowflake://" + host.replaceFirst("^https?://", "") + "/", properties);
  }

  /** Runs sql/snowflake's scripts but 00_setup.sql in the current schema. */
  public static void applyScripts(Connection connection, String warehouse) throws SQLException, IOException {
    for (Path script : SqlScripts.scripts(SqlDirectory.snowflake())) {
      String name = script.getFileName().toString();
      if (!name.startsWith("00_")) {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        if (!text.contains(SCRIPT_WAREHOUSE)) {
          throw new IllegalStateException(name + " no longer names " + SCRIPT_WAREHOUSE);
        }
        SqlScripts.execute(connection, name, text.replace(SCRIPT_WAREHOUSE, "WAREHOUSE = " + warehouse));
      }
    }
  }

  /** Lands rows as VARIANT through a text staging table: one batched insert, then PARSE_JSON. */
  public static void land(Connection connection, String table, List<String> metadata, List<String> content)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TEMPORARY TABLE VC_LANDING (M VARCHAR, C VARCHAR)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO VC_LANDING (M, C) VALUES (?, ?)")) {
        for (int i = 0; i < metadata.size(); i++) {
          insert.setString(1, metadata.get(i));
          insert.setString(2, content.get(i));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      statement.execute("INSERT INTO " + identifier(table) + " SELECT PARSE_JSON(M), PARSE_JSON(C) FROM VC_LANDING");
      statement.execute("DROP TABLE VC_LANDING");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** Names from the environment go into SQL text, so only plain identifiers are accepted. */
  private static String identifier(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
      throw new IllegalArgumentException("not a plain Snowflake identifier: " + name);
    }
    return name;
  }
}
