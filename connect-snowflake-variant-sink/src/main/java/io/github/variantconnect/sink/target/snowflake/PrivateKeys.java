package io.github.variantconnect.sink.target.snowflake;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the RSA private key of Snowflake's key-pair authentication: PKCS#8, PEM with or without its
 * header lines and line breaks (the official connector takes the bare base64 body), encrypted with
 * a passphrase or not. Every way this can go wrong is a {@link Problem} that says which key to fix.
 *
 * <p>Decryption uses Bouncy Castle: keys made as Snowflake's guide shows ({@code openssl pkcs8
 * -topk8 -v2 des3}) use PBES2 with triple DES, which the JDK cannot decrypt. The provider is used
 * directly, never registered JVM-wide, so other plugins on the worker are not affected.
 */
public final class PrivateKeys {

  private static final Pattern ARMOR = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
      Pattern.DOTALL);
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
  private static final String PLAIN = "PRIVATE KEY";
  private static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";

  private PrivateKeys() {}

  /** Where a key problem has to be fixed: the key itself or its passphrase. */
  public enum Field { KEY, PASSPHRASE }

  /** Why a key cannot be used; the message never quotes the key or the passphrase. */
  public static final class Problem extends Exception {
    private final Field field;

    Problem(Field field, String message) {
      super(message);
      this.field = field;
    }

    public Field field() {
      return field;
    }
  }

  /**
   * The RSA key in {@code text}, decrypted with {@code passphrase} (empty or null when the key is
   * not encrypted).
   */
  public static RSAPrivateCrtKey read(String text, String passphrase) throws Problem {
    boolean hasPassphrase = passphrase != null && !passphrase.isEmpty();
    byte[] der = decode(text);
    PrivateKeyInfo info;
    if (isEncrypted(der)) {
      if (!hasPassphrase) {
        throw new Problem(Field.PASSPHRASE, "the private key is encrypted; set its passphrase");
      }
      info = decrypt(der, passphrase);
    } else {
      if (hasPassphrase) {
        throw new Problem(Field.PASSPHRASE, "the private key is not encrypted; remove the passphrase, or use the"
            + " encrypted key (openssl pkcs8 -topk8 -v2 aes-256-cbc)");
      }
      try {
        info = PrivateKeyInfo.getInstance(der);
      } catch (RuntimeException e) {
        throw malformed("its DER structure is not a PKCS#8 PrivateKeyInfo");
      }
    }
    if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
      throw new Problem(Field.KEY, "the private key is not an RSA key (" + info.getPrivateKeyAlgorithm().getAlgorithm()
          + "); Snowflake key-pair authentication needs RSA (openssl genrsa 2048)");
    }
    try {
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
      if (key instanceof RSAPrivateCrtKey crt) {
        return crt;
      }
      throw malformed("the RSA key lacks its CRT parameters, so its public key cannot be derived");
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw malformed("the RSA key cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The key as the streaming SDK takes it: the base64 of its unencrypted PKCS#8 encoding. */
  public static String toBase64(PrivateKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  private static byte[] decode(String text) throws Problem {
    if (text == null || text.isBlank()) {
      throw malformed("it is empty");
    }
    // Properties files and JSON sometimes carry the line breaks as literal \n.
    String body = text.replace("\\n", "\n").replace("\\r", "");
    if (body.contains("-----BEGIN")) {
      Matcher m = ARMOR.matcher(body);
      if (!m.find()) {
        throw malformed("its -----BEGIN ...----- line has no matching -----END ...----- line");
      }
      String type = m.group(1);
      if ("RSA PRIVATE KEY".equals(type)) {
        throw malformed("it is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with"
            + " openssl pkcs8 -topk8 -inform PEM -in rsa_key.pem -out rsa_key.p8 (add -nocrypt for no passphrase)");
      }
      if (!PLAIN.equals(type) && !ENCRYPTED.equals(type)) {
        throw malformed("it is a PEM '" + type + "', not a PKCS#8 private key (BEGIN PRIVATE KEY or BEGIN"
            + " ENCRYPTED PRIVATE KEY)");
      }
      body = m.group(2);
    }
    String base64 = body.replaceAll("\\s", "");
    if (!BASE64.matcher(base64).matches()) {
      throw malformed("it is not base64 text");
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw malformed("it is not base64 text");
    }
  }

  /** EncryptedPrivateKeyInfo starts with an AlgorithmIdentifier, PrivateKeyInfo with a version number. */
  private static boolean isEncrypted(byte[] der) throws Problem {
    try {
      ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
      return sequence.size() == 2 && !(sequence.getObjectAt(0) instanceof ASN1Integer);
    } catch (java.io.IOException | RuntimeException e) {
      throw malformed("its content is not a DER-encoded key");
    }
  }

  private static PrivateKeyInfo decrypt(byte[] der, String passphrase) throws Problem {
    PKCS8EncryptedPrivateKeyInfo encrypted;
    try {
      encrypted = new PKCS8EncryptedPrivateKeyInfo(der);
    } catch (java.io.IOException | RuntimeException e) {
      throw malformed("its content is not a PKCS#8 EncryptedPrivateKeyInfo");
    }
    InputDecryptorProvider decryptor;
    try {
      decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Provider.INSTANCE)
          .build(passphrase.toCharArray());
    } catch (Exception e) {
      throw malformed("its encryption cannot be set up (" + e.getClass().getSimpleName() + ")");
    }
    try {
      PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(decryptor);
      info.getPrivateKeyAlgorithm();
      return info;
    } catch (Exception e) {
      // A wrong passphrase yields bad padding, or rarely bytes that do not parse as a key.
      throw new Problem(Field.PASSPHRASE, "the passphrase does not decrypt the private key (wrong passphrase, or"
          + " a cipher this sink does not know: " + encrypted.getEncryptionAlgorithm().getAlgorithm() + ")");
    }
  }

  private static Problem malformed(String why) {
    return new Problem(Field.KEY, "not a PKCS#8 PEM private key: " + why);
  }

  /** Created on first use: building the provider takes a moment and only encrypted keys need it. */
  private static final class Provider {
    static final BouncyCastleProvider INSTANCE = new BouncyCastleProvider();
  }
}
