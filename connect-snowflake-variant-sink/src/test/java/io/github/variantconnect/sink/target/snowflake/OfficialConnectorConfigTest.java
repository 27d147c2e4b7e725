package io.github.variantconnect.sink.target.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.sink.VariantSinkConnector;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.target.TargetProviders;
import io.github.variantconnect.sink.target.TargetSettings;
import io.github.variantconnect.sink.target.snowflake.hpa.HpaTarget;
import io.github.variantconnect.sink.target.snowflake.jdbc.SnowflakeJdbcTarget;
import io.github.variantconnect.sink.target.snowflake.streaming.SnowpipeStreamingTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config written for the official Snowflake Kafka connector validates here as it is — only the
 * connector class changes — through the connector's own validate(), which contacts nothing.
 */
class OfficialConnectorConfigTest {

  private final VariantSinkConnector connector = new VariantSinkConnector();

  @TempDir
  Path dir;

  private static Map<String, String> officialConfig() {
    return OfficialConfigs.streaming();
  }

  @Test
  void anOfficialConnectorConfigValidatesUnchangedAndSelectsSnowflake() {
    Map<String, String> config = officialConfig();

    assertThat(errors(config)).isEmpty();
    assertThat(new VariantSinkConfig(config).targetName()).isEqualTo("snowflake");
    assertThat(new VariantSinkConfig(config).topicTableMap().tableFor("clickstream-http-data"))
        .isEqualTo("CLICKSTREAM_RAW");
  }

  @Test
  void anOfficialConnector4ConfigValidatesUnchangedAndSelectsTheHighPerformanceTarget() {
    Map<String, String> config = OfficialConfigs.highPerformance();

    assertThat(errors(config)).isEmpty();
    assertThat(new VariantSinkConfig(config).topicTableMap().tableFor("ats-telemetry")).isEqualTo("ATS_RAW_JSON");
    assertThat(new SnowflakeConfig(config).ingestionMethod()).isEqualTo(IngestionMethod.SNOWPIPE_STREAMING_HPA);
    assertThat(TargetProviders.byName("snowflake").create(new TargetSettings("sink", 0, config)))
        .isInstanceOf(HpaTarget.class);
  }

  @Test
  void aConfiguredPipeAndConnectBudgetValidateAndBadOnesAreNamed() {
    Map<String, String> config = OfficialConfigs.highPerformance();
    config.put("snowflake.hpa.pipe.map", "ATS_RAW_JSON:ATS_PIPE");
    config.put("snowflake.connect.budget.ms", "60000");
    assertThat(errors(config)).isEmpty();

    config.put("snowflake.hpa.pipe.map", "ATS_RAW_JSON");
    config.put("snowflake.connect.budget.ms", "1");
    assertThat(errors(config)).containsOnlyKeys("snowflake.hpa.pipe.map", "snowflake.connect.budget.ms");
  }

  @Test
  void encryptedKeysWithTheirPassphraseValidateToo() {
    for (String key : List.of(TestKeys.encryptedDes3Pem(), TestKeys.encryptedAesPem(), TestKeys.encryptedBody())) {
      Map<String, String> config = officialConfig();
      config.put("snowflake.private.key", key);
      config.put("snowflake.private.key.passphrase", TestKeys.PASSPHRASE);
      assertThat(errors(config)).as(key.substring(0, 30)).isEmpty();
    }
  }

  @Test
  void aKeyFileOnTheWorkerAndTheJdbcMethodValidate() throws Exception {
    Path file = dir.resolve("rsa_key.p8");
    Files.writeString(file, TestKeys.encryptedDes3Pem());
    Map<String, String> config = officialConfig();
    config.remove("snowflake.private.key");
    config.put("snowflake.private.key.file", file.toString());
    config.put("snowflake.private.key.passphrase", TestKeys.PASSPHRASE);
    config.put("snowflake.ingestion.method", "JDBC");
    config.put("snowflake.warehouse.name", "kafka_wh");
    config.put("topic2table.map", "ats-.*:ATS_RAW_JSON");
    config.remove("snowflake.topic2table.map");

    assertThat(errors(config)).isEmpty();
  }

  @Test
  void badKeysPassphrasesAndUrlsFailOnTheKeyAtFaultWithoutQuotingSecrets() {
    Map<String, String> config = officialConfig();
    config.put("snowflake.private.key", TestKeys.body().substring(0, 200));
    assertThat(errors(config)).containsOnlyKeys("snowflake.private.key");
    assertThat(errors(config).get("snowflake.private.key").get(0)).contains("not a PKCS#8")
        .doesNotContain(TestKeys.body().substring(0, 40));

    config = officialConfig();
    config.put("snowflake.private.key", TestKeys.encryptedAesPem());
    config.put("snowflake.private.key.passphrase", "not-the-passphrase");
    assertThat(errors(config)).containsOnlyKeys("snowflake.private.key.passphrase");
    assertThat(errors(config).get("snowflake.private.key.passphrase").get(0)).contains("does not decrypt")
        .doesNotContain("not-the-passphrase");

    config.remove("snowflake.private.key.passphrase");
    assertThat(errors(config).get("snowflake.private.key.passphrase").get(0)).contains("encrypted; set its passphrase");

    config = officialConfig();
    config.put("snowflake.url.name", "https://app.snowflake.com/myorg/myaccount");
    assertThat(errors(config)).containsOnlyKeys("snowflake.url.name");
    assertThat(errors(config).get("snowflake.url.name").get(0)).contains(".snowflakecomputing.com");
  }

  @Test
  void missingKeysAndUnsupportedChoicesAreNamed() {
    Map<String, String> config = officialConfig();
    config.remove("snowflake.user.name");
    config.remove("snowflake.database.name");
    config.remove("snowflake.private.key");
    assertThat(errors(config)).containsOnlyKeys("snowflake.user.name", "snowflake.database.name",
        "snowflake.private.key");

    config = officialConfig();
    config.put("snowflake.ingestion.method", "SNOWPIPE");
    config.put("snowflake.schema.name", "bad schema");
    config.put("snowflake.private.key.file", "/etc/key.p8");
    Map<String, List<String>> errors = errors(config);
    assertThat(errors).containsOnlyKeys("snowflake.ingestion.method", "snowflake.schema.name",
        "snowflake.private.key.file");
    assertThat(errors.get("snowflake.ingestion.method").get(0)).contains("SNOWPIPE_STREAMING");

    config = officialConfig();
    config.put("topic2table.map", "ats-telemetry:OTHER");
    assertThat(errors(config)).containsOnlyKeys("snowflake.topic2table.map");
  }

  @Test
  void secretsArePasswordsAndNeverShowInSettingsOrConfigText() {
    Map<ConfigDef.Type, List<String>> types = Map.of(ConfigDef.Type.PASSWORD,
        List.of("snowflake.private.key", "snowflake.private.key.passphrase"));
    types.get(ConfigDef.Type.PASSWORD).forEach(key ->
        assertThat(VariantSinkConfig.CONFIG_DEF.configKeys().get(key).type).isEqualTo(ConfigDef.Type.PASSWORD));
    Map<String, String> config = officialConfig();
    config.put("snowflake.private.key", TestKeys.encryptedAesPem());
    config.put("snowflake.private.key.passphrase", TestKeys.PASSPHRASE);

    String settings = new TargetSettings("sink", 0, config).toString();
    String parsed = new SnowflakeConfig(config).toString();

    for (String text : List.of(settings, parsed)) {
      assertThat(text).doesNotContain(TestKeys.PASSPHRASE).doesNotContain("ENCRYPTED")
          .doesNotContain(TestKeys.encryptedBody().substring(20, 60));
    }
    assertThat(parsed).contains("myorg-myaccount.snowflakecomputing.com", "KAFKA_DB", "privateKey=[hidden]");
    for (ConfigValue value : connector.validate(config).configValues()) {
      if (value.name().startsWith("snowflake.private.key")) {
        assertThat(String.valueOf(value.value())).doesNotContain(TestKeys.PASSPHRASE).doesNotContain("MII");
      }
    }
  }

  @Test
  void theTargetFollowsTheIngestionMethodAndConnectsToNothingWhenCreated() {
    Map<String, String> config = officialConfig();
    assertThat(TargetProviders.byName("snowflake").create(new TargetSettings("sink", 0, config)))
        .isInstanceOf(SnowpipeStreamingTarget.class);

    config.put("snowflake.ingestion.method", "jdbc");
    assertThat(TargetProviders.byName("snowflake").create(new TargetSettings("sink", 0, config)))
        .isInstanceOf(SnowflakeJdbcTarget.class);
  }

  @Test
  void theDriverAcceptsTheJdbcUrlBuiltFromTheAccountUrl() throws Exception {
    String url = new SnowflakeConfig(officialConfig()).url().jdbcUrl();

    assertThat(url).isEqualTo("jdbc:snowflake://myorg-myaccount.snowflakecomputing.com:443");
    assertThat(new net.snowflake.client.jdbc.SnowflakeDriver().acceptsURL(url)).isTrue();
  }

  @Test
  void anExplicitTargetWinsOverTheSnowflakeUrl() {
    Map<String, String> config = officialConfig();
    config.put("variant.target", "duckdb");
    config.put("duckdb.path", dir.resolve("v.duckdb").toString());

    assertThat(errors(config)).isEmpty();
    assertThat(new VariantSinkConfig(config).targetName()).isEqualTo("duckdb");
  }

  private Map<String, List<String>> errors(Map<String, String> props) {
    Map<String, List<String>> errors = new HashMap<>();
    for (ConfigValue value : connector.validate(props).configValues()) {
      if (!value.errorMessages().isEmpty()) {
        errors.put(value.name(), value.errorMessages());
      }
    }
    return errors;
  }
}
