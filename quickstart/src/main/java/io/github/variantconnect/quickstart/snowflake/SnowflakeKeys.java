package io.github.variantconnect.quickstart.snowflake;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the RSA key of Snowflake key-pair authentication: unencrypted PKCS#8, as PEM or as the bare
 * base64 body the sink's {@code snowflake.private.key} takes. Errors name the setting and never quote
 * the key.
 *
 * <p>Encrypted keys are refused: the JDK cannot decrypt the PBES2 keys openssl writes (its
 * {@code EncryptedPrivateKeyInfo} fails on their parameters), and the driver only decrypts them
 * with a JVM-wide switch.
 */
public final class SnowflakeKeys {

  private SnowflakeKeys() {}

  /** The key in {@code text}; {@code setting} names where it came from, for the error message. */
  public static PrivateKey read(String text, String setting) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(setting + " is empty");
    }
    // Properties files and JSON sometimes carry the line breaks as literal \n.
    String pem = text.replace("\\n", "\n");
    if (pem.contains("ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException(setting + " is an encrypted key; the dashboard needs an unencrypted PKCS#8"
          + " key (openssl pkcs8 -in rsa_key.p8 -out dashboard_key.p8 -nocrypt; keep the file readable by you only)");
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException(setting + " is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it with"
          + " openssl pkcs8 -topk8 -nocrypt -in rsa_key.pem -out rsa_key.p8");
    }
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(setting + " is not an unencrypted PKCS#8 RSA private key"
          + " (BEGIN PRIVATE KEY, or its base64 body)");
    }
  }
}
