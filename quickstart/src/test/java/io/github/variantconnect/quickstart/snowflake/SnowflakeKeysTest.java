package io.github.variantconnect.quickstart.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keys are read the ways users hold them; every refusal names the setting and never quotes the key. */
class SnowflakeKeysTest {

  private static final String BODY = TestKeys.PEM.replaceAll("-----[A-Z ]+-----", "").strip();

  @Test
  void readsPemBareBase64AndEscapedLineBreaks() {
    assertThat(SnowflakeKeys.read(TestKeys.PEM, "k")).isEqualTo(TestKeys.KEY);
    assertThat(SnowflakeKeys.read(BODY.replace("\n", ""), "k")).isEqualTo(TestKeys.KEY);
    assertThat(SnowflakeKeys.read(TestKeys.PEM.replace("\n", "\\n"), "k")).isEqualTo(TestKeys.KEY);
  }

  @Test
  void refusesEncryptedPkcs1AndGarbageNamingTheSetting() {
    assertThatThrownBy(() -> SnowflakeKeys.read("-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + BODY, "the.key"))
        .hasMessageStartingWith("the.key is an encrypted key").hasMessageNotContaining(BODY.substring(0, 40));
    assertThatThrownBy(() -> SnowflakeKeys.read("-----BEGIN RSA PRIVATE KEY-----\n" + BODY, "the.key"))
        .hasMessageStartingWith("the.key is a PKCS#1 key");
    assertThatThrownBy(() -> SnowflakeKeys.read(BODY.substring(0, 200), "the.key"))
        .hasMessageStartingWith("the.key is not an unencrypted PKCS#8 RSA private key")
        .hasMessageNotContaining(BODY.substring(0, 40));
    assertThatThrownBy(() -> SnowflakeKeys.read("  ", "the.key")).hasMessage("the.key is empty");
  }
}
