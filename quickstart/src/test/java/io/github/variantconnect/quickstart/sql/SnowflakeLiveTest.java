package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * sql/snowflake on a real account, with the same fixtures and the same checks as the DuckDB test
 * (smaller, to keep it quick). Runs only when SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER and
 * SNOWFLAKE_PRIVATE_KEY are set; see sql/README.md for the privileges it needs. It works in a fresh
 * schema of its own and drops it afterwards. 00_setup.sql is not run: it needs account
 * administrator rights a test user should not have.
 */
@EnabledIf("configured")
class SnowflakeLiveTest {

  /** A method condition: {@code matches = ".+"} never matches a multi-line PEM key, so the test always skipped. */
  static boolean configured() {
    for (String name : new String[] {"SNOWFLAKE_ACCOUNT", "SNOWFLAKE_USER", "SNOWFLAKE_PRIVATE_KEY"}) {
      String value = System.getenv(name);
      if (value == null || value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static final String SCRIPT_WAREHOUSE = "WAREHOUSE = VARIANT_CONNECT_WH";

  @Test
  void scriptsRunTwiceAndEveryViewMatchesAnIndependentComputation() throws Exception {
    AtsFixture ats = AtsFixture.generate(11, 1, 120);
    ClickstreamFixture clicks = ClickstreamFixture.generate(7, 1_500);
    String warehouse = identifier(env("SNOWFLAKE_WAREHOUSE", "VARIANT_CONNECT_WH"));
    String schema = "VC_SQL_TEST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);

    try (Connection connection = connect(warehouse); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TRANSIENT SCHEMA " + schema);
      try {
        statement.execute("USE SCHEMA " + schema);
        for (int run = 0; run < 2; run++) {
          for (Path script : SqlScripts.scripts(SqlDirectory.snowflake())) {
            String name = script.getFileName().toString();
            if (!name.startsWith("00_")) {
              String text = Files.readString(script, StandardCharsets.UTF_8);
              assertThat(text).contains(SCRIPT_WAREHOUSE);
              SqlScripts.execute(connection, name, text.replace(SCRIPT_WAREHOUSE, "WAREHOUSE = " + warehouse));
            }
          }
        }
        land(connection, "ATS_RAW_JSON", ats.rows);
        land(connection, "CLICKSTREAM_RAW", clicks.rows);
        statement.execute("ALTER DYNAMIC TABLE ATS_TRANSFORMED REFRESH");
        statement.execute("ALTER DYNAMIC TABLE CLICKSTREAM_EVENTS REFRESH");

        // Snowflake's AVG of integers keeps a fixed number of decimals.
        RowAssert rows = new RowAssert(1e-5);
        new AtsViewsCheck(connection, rows).verifyAll(ats);
        new ClickstreamViewsCheck(connection, rows).verifyAll(clicks);
      } finally {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /** Lands rows as VARIANT through a text staging table: one batched insert, then PARSE_JSON. */
  private static void land(Connection connection, String table, List<SinkRow> rows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TEMPORARY TABLE VC_LANDING (M VARCHAR, C VARCHAR)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO VC_LANDING (M, C) VALUES (?, ?)")) {
        for (SinkRow row : rows) {
          insert.setString(1, row.metadata());
          insert.setString(2, row.content());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      statement.execute("INSERT INTO " + table + " SELECT PARSE_JSON(M), PARSE_JSON(C) FROM VC_LANDING");
      statement.execute("DROP TABLE VC_LANDING");
    }
  }

  private static Connection connect(String warehouse) throws Exception {
    String account = System.getenv("SNOWFLAKE_ACCOUNT").strip();
    String host = account.contains(".snowflakecomputing.com") ? account : account + ".snowflakecomputing.com";
    Properties properties = new Properties();
    properties.put("user", System.getenv("SNOWFLAKE_USER"));
    properties.put("privateKey", privateKey(System.getenv("SNOWFLAKE_PRIVATE_KEY")));
    properties.put("db", identifier(env("SNOWFLAKE_DATABASE", "VARIANT_CONNECT")));
    properties.put("warehouse", warehouse);
    String role = System.getenv("SNOWFLAKE_ROLE");
    if (role != null && !role.isBlank()) {
      properties.put("role", identifier(role));
    }
    return DriverManager.getConnection("jdbc:snowflake://" + host.replaceFirst("^https?://", "") + "/", properties);
  }

  /** An unencrypted PKCS#8 RSA key, as PEM or as the bare base64 body the connector config takes. */
  static PrivateKey privateKey(String text) throws Exception {
    if (text.contains("ENCRYPTED")) {
      throw new IllegalArgumentException("SNOWFLAKE_PRIVATE_KEY must be an unencrypted PKCS#8 key");
    }
    String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
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
