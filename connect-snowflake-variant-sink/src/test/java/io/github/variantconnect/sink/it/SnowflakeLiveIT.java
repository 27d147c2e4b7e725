package io.github.variantconnect.sink.it;

import static io.github.variantconnect.sink.it.SinkConfigs.SINK_CLASS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink against a real Snowflake account, through a real worker: runs only when
 * SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER and SNOWFLAKE_PRIVATE_KEY are set (optionally
 * SNOWFLAKE_PRIVATE_KEY_PASSPHRASE, SNOWFLAKE_ROLE, SNOWFLAKE_DATABASE, SNOWFLAKE_SCHEMA,
 * SNOWFLAKE_WAREHOUSE), and skips otherwise. SNOWFLAKE_PRIVATE_KEY is the PEM text or the path of a
 * PEM file. Each run writes to tables of its own and drops them afterwards. One test per Snowflake
 * target, each the same round: 100 records, a task restart, 50 more, and exactly 150 rows.
 */
@EnabledIf("io.github.variantconnect.sink.it.LiveSnowflake#configured")
class SnowflakeLiveIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().build();

  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
  private static Path keyFile;

  @BeforeAll
  static void setUp() throws IOException, SQLException {
    writeKeyFile();
    if (env("SNOWFLAKE_DATABASE", "").isEmpty()) {
      try (Connection c = jdbc(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE IF NOT EXISTS VARIANT_CONNECT_IT");
      }
    }
  }

  private static void writeKeyFile() throws IOException {
    String key = env("SNOWFLAKE_PRIVATE_KEY", "");
    if (!key.contains("-----BEGIN") && Files.isRegularFile(Path.of(key.trim()))) {
      keyFile = Path.of(key.trim());
      return;
    }
    if (!key.contains("-----BEGIN")) {
      String type = env("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE", "").isEmpty() ? "PRIVATE KEY" : "ENCRYPTED PRIVATE KEY";
      key = "-----BEGIN " + type + "-----\n" + key.replaceAll("\\s", "") + "\n-----END " + type + "-----\n";
    }
    keyFile = Files.createTempFile("snowflake-live", ".p8");
    keyFile.toFile().deleteOnExit();
    Files.writeString(keyFile, key);
  }

  @AfterAll
  static void dropTables() throws SQLException {
    try (Connection c = jdbc(); Statement s = c.createStatement()) {
      for (String method : new String[] {"SNOWPIPE_STREAMING_HPA", "SNOWPIPE_STREAMING", "JDBC"}) {
        s.execute("DROP TABLE IF EXISTS " + table(method));
      }
      s.execute("DELETE FROM VARIANT_CONNECT_OFFSETS WHERE CONNECTOR LIKE 'live-%-" + RUN.toLowerCase(Locale.ROOT)
          + "'");
    } catch (SQLException e) {
      // The offsets table exists only after a JDBC run.
    }
  }

  @Test
  void theAccountsConfigValidatesThroughTheWorker() {
    assertThat(CONNECT.rest().validationErrors(SINK_CLASS, config("SNOWPIPE_STREAMING", "t"))).isEmpty();
  }

  @Test
  void highPerformanceSnowpipeStreamingLandsRecordsExactlyOnceAcrossATaskRestart() throws Exception {
    landsExactlyOnceAcrossARestart("SNOWPIPE_STREAMING_HPA");
  }

  @Test
  void classicSnowpipeStreamingLandsRecordsExactlyOnceAcrossATaskRestart() throws Exception {
    landsExactlyOnceAcrossARestart("SNOWPIPE_STREAMING");
  }

  @Test
  void jdbcLandsRecordsExactlyOnceAcrossATaskRestart() throws Exception {
    landsExactlyOnceAcrossARestart("JDBC");
  }

  private void landsExactlyOnceAcrossARestart(String method) throws Exception {
    String topic = "live-" + method.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + RUN.toLowerCase(Locale.ROOT);
    CONNECT.kafka().createTopic(topic, 2);
    produce(topic, 0, 100);
    CONNECT.rest().putConfig(topic, config(method, topic));
    CONNECT.awaitRunning(topic, 1, TIMEOUT);
    awaitRows(method, 100);

    CONNECT.rest().restart(topic, true, false);
    produce(topic, 100, 50);
    awaitRows(method, 150);

    try (Connection c = jdbc(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT RECORD_CONTENT:n),"
            + " MIN(RECORD_METADATA:topic::STRING) FROM " + table(method))) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(150);
      assertThat(rs.getLong(2)).isEqualTo(150);
      assertThat(rs.getString(3)).isEqualTo(topic);
    }
    CONNECT.rest().delete(topic);
  }

  private static void awaitRows(String method, long expected) {
    Awaits.until(TIMEOUT, expected + " rows in " + table(method), () -> {
      try (Connection c = jdbc(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table(method))) {
        rs.next();
        long rows = rs.getLong(1);
        assertThat(rows).as("never more than produced").isLessThanOrEqualTo(expected);
        return rows == expected;
      } catch (SQLException e) {
        return false;
      }
    });
  }

  private static Map<String, String> config(String method, String topic) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", SINK_CLASS);
    config.put("tasks.max", "1");
    config.put("topics", topic);
    config.put("snowflake.url.name", url());
    config.put("snowflake.user.name", env("SNOWFLAKE_USER", ""));
    config.put("snowflake.private.key.file", keyFile.toAbsolutePath().toString());
    putIfSet(config, "snowflake.private.key.passphrase", "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE");
    putIfSet(config, "snowflake.role.name", "SNOWFLAKE_ROLE");
    putIfSet(config, "snowflake.warehouse.name", "SNOWFLAKE_WAREHOUSE");
    config.put("snowflake.database.name", env("SNOWFLAKE_DATABASE", "VARIANT_CONNECT_IT"));
    config.put("snowflake.schema.name", env("SNOWFLAKE_SCHEMA", "PUBLIC"));
    config.put("snowflake.ingestion.method", method);
    config.put("topic2table.map", topic + ":" + table(method).replaceAll(".*\\.", ""));
    config.put("buffer.flush.time", "1");
    config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    return config;
  }

  private static String table(String method) {
    return "VC_LIVE_" + method + "_" + RUN;
  }

  private static String url() {
    String account = env("SNOWFLAKE_ACCOUNT", "");
    return account.contains(".snowflakecomputing.") ? account : account + ".snowflakecomputing.com";
  }

  private static Connection jdbc() throws SQLException {
    Properties props = new Properties();
    props.put("user", env("SNOWFLAKE_USER", ""));
    props.put("authenticator", "SNOWFLAKE_JWT");
    props.put("private_key_file", keyFile.toAbsolutePath().toString());
    if (!env("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE", "").isEmpty()) {
      props.put("private_key_pwd", env("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE", ""));
    }
    props.put("db", env("SNOWFLAKE_DATABASE", "VARIANT_CONNECT_IT"));
    props.put("schema", env("SNOWFLAKE_SCHEMA", "PUBLIC"));
    props.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
    if (!env("SNOWFLAKE_ROLE", "").isEmpty()) {
      props.put("role", env("SNOWFLAKE_ROLE", ""));
    }
    if (!env("SNOWFLAKE_WAREHOUSE", "").isEmpty()) {
      props.put("warehouse", env("SNOWFLAKE_WAREHOUSE", ""));
    }
    String host = url().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
    return DriverManager.getConnection("jdbc:snowflake://" + host, props);
  }

  private static void produce(String topic, int from, int count) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, CONNECT.kafka().bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = from; i < from + count; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "{\"n\":" + i + ",\"run\":\"" + RUN + "\"}"));
      }
      producer.flush();
    }
  }

  private static void putIfSet(Map<String, String> config, String key, String variable) {
    String value = env(variable, "");
    if (!value.isEmpty()) {
      config.put(key, value);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
