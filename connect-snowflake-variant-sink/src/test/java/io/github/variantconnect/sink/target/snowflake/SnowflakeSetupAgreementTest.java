package io.github.variantconnect.sink.target.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Following sql/snowflake and then registering config/variant-sink-snowflake.json must use the same
 * names: the setup's database, schema, role, user's warehouse, and the raw tables the scripts create
 * for the topics the config routes.
 */
class SnowflakeSetupAgreementTest {

  private static final Pattern SET = Pattern.compile("^SET (VC_[A-Z_]+) = '([^']*)';", Pattern.MULTILINE);
  private static final Pattern RAW_TABLE =
      Pattern.compile("^CREATE TABLE IF NOT EXISTS ([A-Z_]+) \\(\\s*RECORD_METADATA VARIANT", Pattern.MULTILINE);

  @Test
  void theShippedConfigWritesWhereTheSetupScriptGrants() throws Exception {
    Map<String, String> setup = setVariables(read(repo().resolve("sql/snowflake/00_setup.sql")));
    JsonNode config = new ObjectMapper().readTree(read(repo().resolve("config/variant-sink-snowflake.json")))
        .path("config");

    String[] schema = setup.get("VC_SCHEMA").split("\\.");
    assertThat(schema).hasSize(2);
    assertThat(schema[0]).as("VC_SCHEMA lies in VC_DATABASE").isEqualTo(setup.get("VC_DATABASE"));
    assertThat(config.path(SnowflakeConfig.DATABASE).asText()).isEqualTo(setup.get("VC_DATABASE"));
    assertThat(config.path(SnowflakeConfig.SCHEMA).asText()).isEqualTo(schema[1]);
    assertThat(config.path(SnowflakeConfig.ROLE).asText()).isEqualTo(setup.get("VC_ROLE"));
    assertThat(config.path(SnowflakeConfig.WAREHOUSE).asText()).isEqualTo(setup.get("VC_WAREHOUSE"));
  }

  @Test
  void everyTableTheConfigRoutesToIsARawTableOfTheScripts() throws Exception {
    JsonNode config = new ObjectMapper().readTree(read(repo().resolve("config/variant-sink-snowflake.json")))
        .path("config");
    List<String> routed = Arrays.stream(config.path("topic2table.map").asText().split(","))
        .map(entry -> entry.split(":")[1].trim()).toList();
    StringBuilder scripts = new StringBuilder();
    try (var files = Files.list(repo().resolve("sql/snowflake"))) {
      for (Path file : files.sorted().toList()) {
        scripts.append(read(file)).append('\n');
      }
    }
    Matcher m = RAW_TABLE.matcher(scripts);
    List<String> raw = new java.util.ArrayList<>();
    while (m.find()) {
      raw.add(m.group(1));
    }

    assertThat(routed).isNotEmpty();
    assertThat(raw).containsAll(routed);
  }

  @Test
  void theReadmesSnowflakeExampleUsesTheSetupsNames() throws Exception {
    Map<String, String> setup = setVariables(read(repo().resolve("sql/snowflake/00_setup.sql")));
    String readme = read(repo().resolve("README.md"));
    String schema = setup.get("VC_SCHEMA").split("\\.")[1];

    assertThat(readme).contains("SNOWFLAKE_DATABASE=" + setup.get("VC_DATABASE"))
        .contains("SNOWFLAKE_SCHEMA=" + schema).doesNotContain("SNOWFLAKE_SCHEMA=KAFKA");
  }

  private static Map<String, String> setVariables(String script) {
    Map<String, String> variables = new LinkedHashMap<>();
    Matcher m = SET.matcher(script);
    while (m.find()) {
      variables.put(m.group(1), m.group(2));
    }
    assertThat(variables).containsKeys("VC_DATABASE", "VC_SCHEMA", "VC_ROLE", "VC_WAREHOUSE");
    return variables;
  }

  private static Path repo() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("sql/snowflake")) && Files.isDirectory(dir.resolve("config"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no sql/snowflake and config/ above " + Path.of("").toAbsolutePath());
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
