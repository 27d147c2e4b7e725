package io.github.variantconnect.http.client;

import io.github.variantconnect.http.config.SafetySettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.kafka.common.config.types.Password;

/** The SSLContext for a task: JVM defaults, or the configured truststore and keystore. */
public final class TlsContexts {

  private TlsContexts() {}

  public static SSLContext create(SafetySettings settings) throws GeneralSecurityException, IOException {
    boolean customTrust = !settings.truststoreLocation().isEmpty() || !settings.verifyTls();
    boolean clientCert = !settings.keystoreLocation().isEmpty();
    if (!customTrust && !clientCert) {
      return SSLContext.getDefault();
    }
    TrustManager[] trust = null;
    if (!settings.verifyTls()) {
      trust = new TrustManager[] {new TrustEverything()};
    } else if (!settings.truststoreLocation().isEmpty()) {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(load(settings.truststoreLocation(), settings.truststoreType(), settings.truststorePassword()));
      trust = factory.getTrustManagers();
    }
    KeyManager[] keys = null;
    if (clientCert) {
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      Password keyPassword = settings.keyPassword() == null || settings.keyPassword().value().isEmpty()
          ? settings.keystorePassword() : settings.keyPassword();
      factory.init(load(settings.keystoreLocation(), settings.keystoreType(), settings.keystorePassword()), chars(keyPassword));
      keys = factory.getKeyManagers();
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, trust, null);
    return context;
  }

  private static KeyStore load(String location, String type, Password password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, chars(password));
    }
    return store;
  }

  private static char[] chars(Password password) {
    return password == null || password.value().isEmpty() ? null : password.value().toCharArray();
  }

  /**
   * For {@code http.ssl.verify=false} only. Being an extended trust manager that checks nothing, it
   * also switches off the host-name check the JDK would otherwise make.
   */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
