package io.github.variantconnect.reliability;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Secret values for one test run: random, so any appearance in a log or a REST answer is a leak and
 * not a coincidence, and each with the forms it may leak in (an Authorization header, base64).
 */
final class Secrets {

  private final Map<String, List<String>> forms = new LinkedHashMap<>();

  /** A fresh random secret with a readable label, e.g. {@code basic-password-3f2a...}. */
  String create(String label) {
    String secret = label + "-" + UUID.randomUUID().toString().replace("-", "");
    add(label, secret);
    return secret;
  }

  /** Registers a secret and the encodings it may leak in. */
  void add(String label, String secret, String... encodings) {
    List<String> all = new ArrayList<>();
    all.add(secret);
    all.addAll(List.of(encodings));
    forms.put(label, all);
  }

  /** {@code user:password} as an Authorization: Basic header carries it. */
  void addBasicHeader(String user, String password) {
    add("basic-header", Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Labels of the secrets found in {@code text}; empty when nothing leaked. */
  List<String> foundIn(String text) {
    List<String> leaked = new ArrayList<>();
    forms.forEach((label, values) -> {
      for (String value : values) {
        if (text.contains(value)) {
          leaked.add(label);
          return;
        }
      }
    });
    return leaked;
  }

  /**
   * A fresh RSA key as Snowflake key-pair authentication takes it: PKCS#8 PEM. The base64 body is
   * registered as a secret, also split in the 64-character lines PEM uses.
   */
  String rsaPrivateKeyPem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      String body = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < body.length(); i += 64) {
        lines.add(body.substring(i, Math.min(body.length(), i + 64)));
      }
      // Any one line of the key body in a log is a leak.
      add("private-key", body, lines.subList(1, lines.size() - 1).toArray(String[]::new));
      return "-----BEGIN PRIVATE KEY-----\n" + String.join("\n", lines) + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
