package io.github.variantconnect.sink.target.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {

  private static final BigInteger MODULUS = TestKeys.publicKey().getModulus();

  @Test
  void readsUnencryptedKeysWithOrWithoutTheirPemLines() throws Exception {
    assertThat(PrivateKeys.read(TestKeys.pem(), "").getModulus()).isEqualTo(MODULUS);
    assertThat(PrivateKeys.read(TestKeys.body(), null).getModulus()).isEqualTo(MODULUS);
    assertThat(PrivateKeys.read(TestKeys.pem().replace("\n", "\\n"), "").getModulus()).isEqualTo(MODULUS);
  }

  @Test
  void decryptsKeysEncryptedWithTripleDesAsSnowflakesGuideShowsAndWithAes() throws Exception {
    RSAPrivateCrtKey des3 = PrivateKeys.read(TestKeys.encryptedDes3Pem(), TestKeys.PASSPHRASE);
    RSAPrivateCrtKey aes = PrivateKeys.read(TestKeys.encryptedAesPem(), TestKeys.PASSPHRASE);
    RSAPrivateCrtKey body = PrivateKeys.read(TestKeys.encryptedBody(), TestKeys.PASSPHRASE);

    assertThat(des3.getModulus()).isEqualTo(MODULUS);
    assertThat(aes.getModulus()).isEqualTo(MODULUS);
    assertThat(body.getPublicExponent()).isEqualTo(TestKeys.publicKey().getPublicExponent());
    assertThat(PrivateKeys.toBase64(aes)).isEqualTo(TestKeys.body());
  }

  @Test
  void aWrongOrMissingPassphraseIsAProblemOfThePassphrase() {
    assertProblem(TestKeys.encryptedDes3Pem(), "wrong", PrivateKeys.Field.PASSPHRASE, "does not decrypt");
    assertProblem(TestKeys.encryptedAesPem(), "", PrivateKeys.Field.PASSPHRASE, "is encrypted");
    assertProblem(TestKeys.pem(), "secret", PrivateKeys.Field.PASSPHRASE, "not encrypted");
  }

  @Test
  void malformedKeysAreProblemsOfTheKeyThatSayWhy() {
    assertProblem("", "", PrivateKeys.Field.KEY, "empty");
    assertProblem("not a key at all!", "", PrivateKeys.Field.KEY, "base64");
    assertProblem("MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu", "", PrivateKeys.Field.KEY,
        "not a PKCS#8");
    assertProblem(TestKeys.pem().replace("-----END PRIVATE KEY-----", ""), "", PrivateKeys.Field.KEY, "END");
    assertProblem(TestKeys.pkcs1Pem(), "", PrivateKeys.Field.KEY, "openssl pkcs8 -topk8");
    assertProblem(TestKeys.ecPem(), "", PrivateKeys.Field.KEY, "not an RSA key");
    assertProblem("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "", PrivateKeys.Field.KEY,
        "CERTIFICATE");
  }

  @Test
  void problemsNeverQuoteTheKeyOrThePassphrase() {
    String body = TestKeys.body();
    Throwable problem = catchProblem(body.substring(0, body.length() - 40), "");
    assertThat(problem.getMessage()).doesNotContain(body.substring(10, 40));
    assertThat(catchProblem(TestKeys.encryptedAesPem(), "hunter2").getMessage()).doesNotContain("hunter2");
  }

  private static void assertProblem(String key, String passphrase, PrivateKeys.Field field, String text) {
    assertThatThrownBy(() -> PrivateKeys.read(key, passphrase))
        .isInstanceOfSatisfying(PrivateKeys.Problem.class, p -> assertThat(p.field()).isEqualTo(field))
        .hasMessageContaining(text);
  }

  private static Throwable catchProblem(String key, String passphrase) {
    try {
      PrivateKeys.read(key, passphrase);
      throw new AssertionError("no problem");
    } catch (PrivateKeys.Problem e) {
      return e;
    }
  }
}
