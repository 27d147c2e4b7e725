package io.github.variantconnect.sink.target.snowflake;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.openssl.PKCS8Generator;

/**
 * RSA keys made for tests, in the forms users produce with openssl: PKCS#8 PEM unencrypted, or
 * encrypted with a passphrase (PBES2 with triple DES, as Snowflake's guide shows, or AES-256).
 */
public final class TestKeys {

  public static final String PASSPHRASE = "correct horse battery staple";
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final KeyPair PAIR = generate();

  private TestKeys() {}

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair pair() {
    return PAIR;
  }

  /** {@code -----BEGIN PRIVATE KEY-----} with line breaks. */
  public static String pem() {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
        PAIR.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }

  /** Only the base64 body on one line, as the official connector's docs ask for. */
  public static String body() {
    return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
  }

  /** {@code openssl pkcs8 -topk8 -v2 des3}: Snowflake's documented way. */
  public static String encryptedDes3Pem() {
    return encrypted(PKCS8Generator.DES3_CBC);
  }

  /** {@code openssl pkcs8 -topk8 -v2 aes-256-cbc}, openssl 3's default. */
  public static String encryptedAesPem() {
    return encrypted(PKCS8Generator.AES_256_CBC);
  }

  /** The body of an encrypted key without its header lines, on one line. */
  public static String encryptedBody() {
    return encryptedAesPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }

  /** A PKCS#1 key ({@code BEGIN RSA PRIVATE KEY}), as openssl genrsa writes before pkcs8 -topk8. */
  public static String pkcs1Pem() {
    try {
      byte[] pkcs1 = PrivateKeyInfo.getInstance(PAIR.getPrivate().getEncoded()).parsePrivateKey()
          .toASN1Primitive().getEncoded();
      return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs1)
          + "\n-----END RSA PRIVATE KEY-----\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An EC key, which Snowflake's key-pair authentication does not take. */
  public static String ecPem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
          .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static RSAPublicKey publicKey() {
    return (RSAPublicKey) PAIR.getPublic();
  }

  private static String encrypted(ASN1ObjectIdentifier cipher) {
    try {
      JceOpenSSLPKCS8EncryptorBuilder builder = new JceOpenSSLPKCS8EncryptorBuilder(cipher).setProvider(BC);
      builder.setPassword(PASSPHRASE.toCharArray());
      builder.setPRF(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256,
          org.bouncycastle.asn1.DERNull.INSTANCE));
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(new JcaPKCS8Generator(PAIR.getPrivate(), builder.build()));
      }
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
