package io.github.variantconnect.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * Secrets a worker resolves itself through Kafka's config providers, so connector configs hold
 * only placeholders: some in the worker's environment ({@code ${env:NAME}}), some in a properties
 * file only the worker reads ({@code ${file:/path:key}}). Also a PKCS#12 key store whose password
 * is one of them, for the HTTP source's TLS keys.
 */
final class ProvidedSecrets {

  static final String BEARER_ENV = "VC_TEST_BEARER_TOKEN";
  static final String API_KEY_ENV = "VC_TEST_API_KEY";
  static final String KEYSTORE_PASSWORD_ENV = "VC_TEST_KEYSTORE_PASSWORD";
  static final String SNOWFLAKE_REFRESH_TOKEN_ENV = "VC_TEST_SNOWFLAKE_REFRESH_TOKEN";

  final Secrets secrets = new Secrets();
  final String basicPassword = secrets.create("provided-basic-password");
  final String bearerToken = secrets.create("provided-bearer-token");
  final String apiKey = secrets.create("provided-api-key");
  final String clientSecret = secrets.create("provided-oauth2-client-secret");
  final String truststorePassword = secrets.create("provided-truststore-password");
  final String keystorePassword = secrets.create("provided-keystore-password");
  final String passphrase = secrets.create("provided-key-passphrase");
  final String privateKey = encryptedRsaPrivateKeyPem(passphrase);
  final String snowflakeClientSecret = secrets.create("provided-snowflake-oauth-client-secret");
  final String snowflakeRefreshToken = secrets.create("provided-snowflake-oauth-refresh-token");
  final String proxyPassword = secrets.create("provided-proxy-password");
  final Path file;
  final Path truststore;
  final Path keystore;

  ProvidedSecrets(Path dir) {
    try {
      Files.createDirectories(dir);
      file = dir.resolve("secrets.properties");
      truststore = keyStore(dir.resolve("truststore.p12"), truststorePassword);
      keystore = keyStore(dir.resolve("keystore.p12"), keystorePassword);
      Properties values = new Properties();
      values.setProperty("basic.password", basicPassword);
      values.setProperty("oauth2.client.secret", clientSecret);
      values.setProperty("truststore.password", truststorePassword);
      values.setProperty("snowflake.private.key", privateKey);
      values.setProperty("snowflake.private.key.passphrase", passphrase);
      values.setProperty("snowflake.private.key.broken", privateKey.substring(0, privateKey.length() / 2));
      values.setProperty("snowflake.oauth.client.secret", snowflakeClientSecret);
      values.setProperty("jvm.proxy.password", proxyPassword);
      values.setProperty("blank", "");
      try (Writer out = Files.newBufferedWriter(file)) {
        values.store(out, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The worker's environment. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(BEARER_ENV, bearerToken);
    env.put(API_KEY_ENV, apiKey);
    env.put(KEYSTORE_PASSWORD_ENV, keystorePassword);
    env.put(SNOWFLAKE_REFRESH_TOKEN_ENV, snowflakeRefreshToken);
    return env;
  }

  /** {@code ${file:<secrets file>:key}}. */
  String fromFile(String key) {
    return "${file:" + file.toAbsolutePath() + ":" + key + "}";
  }

  static String fromEnv(String name) {
    return "${env:" + name + "}";
  }

  /**
   * A fresh RSA key, PKCS#8 encrypted with {@code passphrase} (PBES2, AES-256, as {@code openssl
   * pkcs8 -topk8 -v2 aes256} writes it); its base64 body is registered as a secret.
   */
  private String encryptedRsaPrivateKeyPem(String passphrase) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
      String algorithm = "PBEWithHmacSHA256AndAES_256";
      SecureRandom random = new SecureRandom();
      byte[] salt = new byte[16];
      byte[] iv = new byte[16];
      random.nextBytes(salt);
      random.nextBytes(iv);
      SecretKey key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase.toCharArray()));
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
      // Named PBES2 in the key info, as PKCS#5 v2 has it, rather than by the JDK's cipher name.
      AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
      pbes2.init(cipher.getParameters().getEncoded());
      byte[] encrypted = new EncryptedPrivateKeyInfo(pbes2, cipher.doFinal(pkcs8)).getEncoded();
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encrypted);
      String[] lines = body.split("\n");
      // Any one full line of the key body in a log is a leak.
      secrets.add("provided-private-key", Base64.getEncoder().encodeToString(encrypted),
          java.util.Arrays.copyOfRange(lines, 0, lines.length - 1));
      return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + body + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS#12 store holding one self-signed key pair, made by the JDK's keytool. */
  private static Path keyStore(Path path, String password) throws IOException {
    Files.deleteIfExists(path);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keystore", path.toString(),
        "-storetype", "PKCS12", "-storepass", password, "-keypass", password, "-alias", "client", "-dname", "CN=test",
        "-keyalg", "RSA", "-keysize", "2048", "-validity", "2"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool could not create " + path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return path;
  }
}
