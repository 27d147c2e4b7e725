package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The live test reads SNOWFLAKE_PRIVATE_KEY the ways users hold a key; checked without an account. */
class SnowflakePrivateKeyTest {

  @Test
  void readsPemAndBareBase64AndRefusesEncryptedKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey key = generator.generateKeyPair().getPrivate();
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());

    assertThat(SnowflakeLiveTest.privateKey("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n"))
        .isEqualTo(key);
    assertThat(SnowflakeLiveTest.privateKey(body.replace("\n", ""))).isEqualTo(key);
    assertThatThrownBy(() -> SnowflakeLiveTest.privateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + body))
        .hasMessageContaining("unencrypted");
  }
}
