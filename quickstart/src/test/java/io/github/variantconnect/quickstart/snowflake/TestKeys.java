package io.github.variantconnect.quickstart.snowflake;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;

/** One RSA key for the tests of this package, as PEM text. */
public final class TestKeys {

  public static final PrivateKey KEY = generate();
  public static final String PEM = "-----BEGIN PRIVATE KEY-----\n"
      + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEY.getEncoded())
      + "\n-----END PRIVATE KEY-----\n";

  private TestKeys() {}

  private static PrivateKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
