package io.github.variantconnect.http.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

  @Test
  void everyKeyHasDocGroupAndARowInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("src/connect-plugin/doc/README.md"));

    for (ConfigDef.ConfigKey key : HttpSourceConfig.CONFIG_DEF.configKeys().values()) {
      assertThat(key.documentation).as("doc of %s", key.name).isNotBlank();
      assertThat(key.group).as("group of %s", key.name).isNotBlank();
      assertThat(readme).as("README row of %s", key.name).contains("| `" + key.name + "` |");
    }
  }

  @Test
  void secretsArePasswordTyped() {
    for (String secret : new String[] {AuthKeys.BASIC_PASSWORD, AuthKeys.BEARER_TOKEN, AuthKeys.API_KEY,
        AuthKeys.OAUTH2_CLIENT_SECRET, SafetyKeys.TRUSTSTORE_PASSWORD, SafetyKeys.KEYSTORE_PASSWORD, SafetyKeys.KEY_PASSWORD}) {
      assertThat(HttpSourceConfig.CONFIG_DEF.configKeys().get(secret).type).as(secret).isEqualTo(ConfigDef.Type.PASSWORD);
    }
  }
}
