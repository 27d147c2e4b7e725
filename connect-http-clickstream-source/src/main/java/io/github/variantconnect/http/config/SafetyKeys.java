package io.github.variantconnect.http.config;

import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** TLS trust and identity, redirects and the host allowlist. */
public final class SafetyKeys {

  static final String GROUP = "TLS and hosts";

  public static final String TLS_VERIFY = "http.ssl.verify";
  public static final String TRUSTSTORE_LOCATION = "http.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "http.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "http.ssl.truststore.type";
  public static final String KEYSTORE_LOCATION = "http.ssl.keystore.location";
  public static final String KEYSTORE_PASSWORD = "http.ssl.keystore.password";
  public static final String KEY_PASSWORD = "http.ssl.key.password";
  public static final String KEYSTORE_TYPE = "http.ssl.keystore.type";
  public static final String REDIRECTS_OTHER_HOSTS = "http.redirects.other.hosts";
  public static final String ALLOWED_HOSTS = "http.allowed.hosts";

  private static final ConfigDef.ValidString STORE_TYPES = ConfigDef.ValidString.in("PKCS12", "JKS");

  private SafetyKeys() {}

  static ConfigDef define(ConfigDef def) {
    int order = 0;
    return def
        .define(TLS_VERIFY, Type.BOOLEAN, true, Importance.MEDIUM,
            "Verify the server's certificate and host name. false trusts any server, which lets anyone on the"
                + " path read the credentials: only for tests.",
            GROUP, ++order, Width.SHORT, "Verify TLS")
        .define(TRUSTSTORE_LOCATION, Type.STRING, "", Validators.readableFile(), Importance.MEDIUM,
            "Truststore file on the worker with the CAs to trust instead of the JVM's defaults. Empty: JVM defaults.",
            GROUP, ++order, Width.LONG, "Truststore")
        .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
            "Truststore password.", GROUP, ++order, Width.MEDIUM, "Truststore password")
        .define(TRUSTSTORE_TYPE, Type.STRING, "PKCS12", STORE_TYPES, Importance.LOW,
            "Truststore format: PKCS12 or JKS.", GROUP, ++order, Width.SHORT, "Truststore type")
        .define(KEYSTORE_LOCATION, Type.STRING, "", Validators.readableFile(), Importance.MEDIUM,
            "Keystore file on the worker with the client certificate for mutual TLS. Empty: no client certificate.",
            GROUP, ++order, Width.LONG, "Keystore")
        .define(KEYSTORE_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
            "Keystore password.", GROUP, ++order, Width.MEDIUM, "Keystore password")
        .define(KEY_PASSWORD, Type.PASSWORD, "", Importance.LOW,
            "Password of the private key in the keystore. Empty: the keystore password.",
            GROUP, ++order, Width.MEDIUM, "Key password")
        .define(KEYSTORE_TYPE, Type.STRING, "PKCS12", STORE_TYPES, Importance.LOW,
            "Keystore format: PKCS12 or JKS.", GROUP, ++order, Width.SHORT, "Keystore type")
        .define(REDIRECTS_OTHER_HOSTS, Type.BOOLEAN, false, Importance.LOW,
            "Follow redirects and next-page links to hosts other than the endpoint's. Off by default so"
                + " credentials are never sent to a host the configuration did not name.",
            GROUP, ++order, Width.SHORT, "Follow other hosts")
        .define(ALLOWED_HOSTS, Type.LIST, List.of(), Validators.hostPatterns(), Importance.LOW,
            "If set, the only hosts any request (endpoints, redirects, next links, token URL) may go to;"
                + " *.example.com matches subdomains. Empty: no allowlist.",
            GROUP, ++order, Width.LONG, "Allowed hosts");
  }

  static SafetySettings parse(AbstractConfig config) {
    return new SafetySettings(
        config.getBoolean(TLS_VERIFY),
        config.getString(TRUSTSTORE_LOCATION).trim(),
        config.getPassword(TRUSTSTORE_PASSWORD),
        config.getString(TRUSTSTORE_TYPE),
        config.getString(KEYSTORE_LOCATION).trim(),
        config.getPassword(KEYSTORE_PASSWORD),
        config.getPassword(KEY_PASSWORD),
        config.getString(KEYSTORE_TYPE),
        config.getBoolean(REDIRECTS_OTHER_HOSTS),
        config.getList(ALLOWED_HOSTS).stream().map(String::trim).toList());
  }
}
