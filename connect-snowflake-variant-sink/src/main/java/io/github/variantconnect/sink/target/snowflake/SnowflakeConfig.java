package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.common.config.EnumKeys;
import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.sink.routing.TableNameValidator;
import io.github.variantconnect.sink.routing.TableNames;
import io.github.variantconnect.sink.target.snowflake.hpa.PipeNames;
import io.github.variantconnect.sink.target.snowflake.jdbc.JdbcTimeouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The Snowflake targets' keys; they join the connector's config definition. Names the official
 * Snowflake connector uses keep its meaning. Checking a config reads and decrypts the private key
 * but never contacts Snowflake.
 */
public final class SnowflakeConfig extends AbstractConfig {

  private static final String GROUP_CONNECTION = "Snowflake connection";
  private static final String GROUP_AUTH = "Snowflake authentication";
  private static final String GROUP_INGESTION = "Snowflake ingestion";

  public static final String URL = "snowflake.url.name";
  public static final String USER = "snowflake.user.name";
  public static final String ROLE = "snowflake.role.name";
  public static final String DATABASE = "snowflake.database.name";
  public static final String SCHEMA = "snowflake.schema.name";
  public static final String WAREHOUSE = "snowflake.warehouse.name";
  public static final String PRIVATE_KEY = "snowflake.private.key";
  public static final String PRIVATE_KEY_FILE = "snowflake.private.key.file";
  public static final String PRIVATE_KEY_PASSPHRASE = "snowflake.private.key.passphrase";
  public static final String INGESTION_METHOD = "snowflake.ingestion.method";
  public static final String MAX_CLIENT_LAG = "snowflake.streaming.max.client.lag";
  public static final String OFFSETS_TABLE = "snowflake.jdbc.offsets.table";
  public static final String OFFSETS_TABLE_DEFAULT = "VARIANT_CONNECT_OFFSETS";
  // Connect budget, proxy and OAuth: keys of the official connector where it has them.
  private static final String GROUP_NETWORK = "Snowflake network";
  public static final String CONNECT_BUDGET_MS = "snowflake.connect.budget.ms";
  public static final String PROXY_HOST = "jvm.proxy.host";
  public static final String PROXY_PORT = "jvm.proxy.port";
  public static final String PROXY_USER = "jvm.proxy.username";
  public static final String PROXY_PASSWORD = "jvm.proxy.password";
  public static final String NON_PROXY_HOSTS = "jvm.nonProxy.hosts";
  public static final String AUTHENTICATOR = "snowflake.authenticator";
  public static final String OAUTH_CLIENT_ID = "snowflake.oauth.client.id";
  public static final String OAUTH_CLIENT_SECRET = "snowflake.oauth.client.secret";
  public static final String OAUTH_REFRESH_TOKEN = "snowflake.oauth.refresh.token";
  public static final String OAUTH_TOKEN_ENDPOINT = "snowflake.oauth.token.endpoint";
  public static final String LOCK_TIMEOUT_S = "snowflake.jdbc.lock.timeout.seconds";
  public static final String STATEMENT_TIMEOUT_S = "snowflake.jdbc.statement.timeout.seconds";
  // End of connect budget, proxy and OAuth keys.

  // --- High-performance Snowpipe Streaming (SNOWPIPE_STREAMING_HPA) ---
  private static final String GROUP_HPA = "Snowflake high-performance streaming";
  public static final String HPA_PIPE_MAP = "snowflake.hpa.pipe.map";

  static ConfigDef defineHpa(ConfigDef def) {
    return def
        .define(HPA_PIPE_MAP, Type.STRING, "", new PipeMapValidator(), Importance.LOW,
            "SNOWPIPE_STREAMING_HPA: pipes to write through, as TABLE:PIPE,TABLE:PIPE. A table not listed is"
                + " written through its default pipe, <TABLE>-STREAMING, which Snowflake provides for every table.",
            GROUP_HPA, 1, Width.LONG, "Pipe per table");
  }

  public PipeNames pipeNames() {
    return PipeNames.parse(getString(HPA_PIPE_MAP));
  }

  static final class PipeMapValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        PipeNames.parse(value == null ? "" : value.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "TABLE:PIPE,TABLE:PIPE";
    }
  }
  // --- end of the high-performance block ---

  public static final ConfigDef CONFIG_DEF = defineHpa(new ConfigDef())
      .define(URL, Type.STRING, "", new UrlValidator(), Importance.HIGH,
          "Account URL, <account_identifier>.snowflakecomputing.com with optional https:// and :443, e.g."
              + " myorg-myaccount.snowflakecomputing.com:443. Required with variant.target=snowflake.",
          GROUP_CONNECTION, 1, Width.LONG, "Account URL")
      .define(USER, Type.STRING, "", new ConfigDef.NonNullValidator(), Importance.HIGH,
          "Snowflake user the sink logs in as, with key-pair authentication. Required with variant.target=snowflake.",
          GROUP_CONNECTION, 2, Width.MEDIUM, "User")
      .define(ROLE, Type.STRING, "", new IdentifierValidator(), Importance.MEDIUM,
          "Role to use; empty uses the user's default role.", GROUP_CONNECTION, 3, Width.MEDIUM, "Role")
      .define(DATABASE, Type.STRING, "", new IdentifierValidator(), Importance.HIGH,
          "Database of the tables. Unquoted names are upper-cased as in SQL; write \"Name\" for an exact name."
              + " Required with variant.target=snowflake.",
          GROUP_CONNECTION, 4, Width.MEDIUM, "Database")
      .define(SCHEMA, Type.STRING, "", new IdentifierValidator(), Importance.HIGH,
          "Schema of the tables, in snowflake.database.name. Required with variant.target=snowflake.",
          GROUP_CONNECTION, 5, Width.MEDIUM, "Schema")
      .define(WAREHOUSE, Type.STRING, "", new IdentifierValidator(), Importance.MEDIUM,
          "Warehouse for the JDBC ingestion method's INSERTs; empty uses the user's default warehouse. Snowpipe"
              + " Streaming needs none.",
          GROUP_CONNECTION, 6, Width.MEDIUM, "Warehouse")
      .define(PRIVATE_KEY, Type.PASSWORD, "", new PasswordValidator(), Importance.HIGH,
          "The user's RSA private key, PKCS#8: the PEM text, or only its base64 body on one line as the official"
              + " connector takes it. Best given through a config provider, e.g."
              + " ${file:/etc/variant-connect/snowflake.properties:private.key}. Set this or"
              + " snowflake.private.key.file.",
          GROUP_AUTH, 1, Width.LONG, "Private key")
      .define(PRIVATE_KEY_FILE, Type.STRING, "", new FileValidator(), Importance.HIGH,
          "Absolute path of a PKCS#8 PEM file holding the private key, present on every worker. Set this or"
              + " snowflake.private.key.",
          GROUP_AUTH, 2, Width.LONG, "Private key file")
      .define(PRIVATE_KEY_PASSPHRASE, Type.PASSWORD, "", new PasswordValidator(), Importance.MEDIUM,
          "Passphrase of an encrypted private key (BEGIN ENCRYPTED PRIVATE KEY); empty for an unencrypted one.",
          GROUP_AUTH, 3, Width.MEDIUM, "Private key passphrase")
      .define(INGESTION_METHOD, Type.STRING, IngestionMethod.SNOWPIPE_STREAMING_HPA.name(),
          EnumKeys.validator(IngestionMethod.class).refusing("SNOWPIPE", "file-based Snowpipe is not supported; use"
              + " SNOWPIPE_STREAMING_HPA (the official connector's method, exactly-once), SNOWPIPE_STREAMING or JDBC"),
          Importance.HIGH,
          "SNOWPIPE_STREAMING_HPA (the default) writes through Snowpipe Streaming's high-performance architecture:"
              + " a channel per partition on the table's pipe, the Kafka offset as offset token, billed per"
              + " ingested GB. SNOWPIPE_STREAMING writes through Snowpipe Streaming channels, one per partition, with the Kafka offset"
              + " as offset token (no warehouse; rows visible within about a second). JDBC writes set-based INSERTs"
              + " through a warehouse, with the offsets in snowflake.jdbc.offsets.table in the same transaction."
              + " Both are exactly-once.",
          GROUP_INGESTION, 1, Width.MEDIUM, "Ingestion method")
      .define(MAX_CLIENT_LAG, Type.LONG, 1L, Range.between(1, 600), Importance.LOW,
          "Snowpipe Streaming: seconds the SDK buffers rows before it commits them to the table. Kafka offsets"
              + " are committed only after Snowflake has committed the rows.",
          GROUP_INGESTION, 2, Width.SHORT, "Max client lag (s)")
      .define(OFFSETS_TABLE, Type.STRING, OFFSETS_TABLE_DEFAULT, new TableNameValidator(), Importance.LOW,
          "JDBC: table, in the configured schema, holding each partition's last written offset per connector name;"
              + " written in the same transaction as the rows.",
          GROUP_INGESTION, 3, Width.MEDIUM, "Offsets table")
      // Connect budget, proxy and OAuth.
      .define(CONNECT_BUDGET_MS, Type.LONG, 120_000L, Range.between(1_000, 3_600_000), Importance.MEDIUM,
          "Milliseconds a task may spend getting connected to Snowflake (login, client, channels) before it fails"
              + " with the cause and what to fix; a WARN naming the cause comes after 20 s.",
          GROUP_NETWORK, 1, Width.SHORT, "Connect budget (ms)")
      .define(PROXY_HOST, Type.STRING, "", new ConfigDef.NonNullValidator(), Importance.LOW,
          "HTTP proxy host for every Snowflake connection (JDBC driver and streaming SDK), as in the official"
              + " connector; empty connects directly.", GROUP_NETWORK, 2, Width.MEDIUM, "Proxy host")
      .define(PROXY_PORT, Type.STRING, "", new PortValidator(), Importance.LOW, "HTTP proxy port; required with jvm.proxy.host.",
          GROUP_NETWORK, 3, Width.SHORT, "Proxy port")
      .define(PROXY_USER, Type.STRING, "", new ConfigDef.NonNullValidator(), Importance.LOW, "User for an authenticating proxy.",
          GROUP_NETWORK, 4, Width.MEDIUM, "Proxy user")
      .define(PROXY_PASSWORD, Type.PASSWORD, "", new PasswordValidator(), Importance.LOW,
          "Password for an authenticating proxy.", GROUP_NETWORK, 5, Width.MEDIUM, "Proxy password")
      .define(NON_PROXY_HOSTS, Type.STRING, "", new ConfigDef.NonNullValidator(), Importance.LOW,
          "Hosts reached without the proxy, separated by |, e.g. *.internal|localhost.",
          GROUP_NETWORK, 6, Width.LONG, "Non-proxy hosts")
      .define(AUTHENTICATOR, Type.STRING, Authenticator.SNOWFLAKE_JWT.key(), new Authenticator.KeyValidator(),
          Importance.MEDIUM, "snowflake_jwt (key pair, the default) or oauth (a refresh token exchanged at"
              + " snowflake.oauth.token.endpoint with snowflake.oauth.client.id/secret).",
          GROUP_AUTH, 4, Width.SHORT, "Authenticator")
      .define(OAUTH_CLIENT_ID, Type.STRING, "", new ConfigDef.NonNullValidator(), Importance.MEDIUM, "OAuth client id; required with oauth.",
          GROUP_AUTH, 5, Width.MEDIUM, "OAuth client id")
      .define(OAUTH_CLIENT_SECRET, Type.PASSWORD, "", new PasswordValidator(), Importance.MEDIUM,
          "OAuth client secret; required with oauth.", GROUP_AUTH, 6, Width.MEDIUM, "OAuth client secret")
      .define(OAUTH_REFRESH_TOKEN, Type.PASSWORD, "", new PasswordValidator(), Importance.MEDIUM,
          "OAuth refresh token; required with oauth.", GROUP_AUTH, 7, Width.LONG, "OAuth refresh token")
      .define(OAUTH_TOKEN_ENDPOINT, Type.STRING, "", new ConfigDef.NonNullValidator(), Importance.LOW,
          "OAuth token endpoint; empty uses the account's own, https://<account>/oauth/token-request.",
          GROUP_AUTH, 8, Width.LONG, "OAuth token endpoint")
      .define(LOCK_TIMEOUT_S, Type.LONG, JdbcTimeouts.DEFAULT.lockTimeoutSeconds(), Range.between(1, 43_200),
          Importance.LOW, "JDBC: the session's LOCK_TIMEOUT, seconds a transaction waits for the offsets table's"
              + " lock (held by another writer of this connector) before it fails and is retried.",
          GROUP_INGESTION, 4, Width.SHORT, "Lock timeout (s)")
      .define(STATEMENT_TIMEOUT_S, Type.LONG, JdbcTimeouts.DEFAULT.statementTimeoutSeconds(),
          Range.between(1, 172_800), Importance.LOW,
          "JDBC: the session's STATEMENT_TIMEOUT_IN_SECONDS; a statement running longer is cancelled and retried.",
          GROUP_INGESTION, 5, Width.SHORT, "Statement timeout (s)");
      // End of connect budget, proxy and OAuth.

  private final AccountUrl url;
  private final RSAPrivateCrtKey privateKey;

  /** Parses and checks the config; a problem is a {@link ConfigException} naming its key. */
  public SnowflakeConfig(Map<String, String> props) {
    super(CONFIG_DEF, props, false);
    List<KeyError> problems = validate(props);
    if (!problems.isEmpty()) {
      KeyError first = problems.get(0);
      String key = first.key();
      boolean secret = CONFIG_DEF.configKeys().get(key).type == Type.PASSWORD;
      throw new ConfigException(key, secret ? "[hidden]" : props.get(key), first.message());
    }
    this.url = AccountUrl.parse(getString(URL));
    if (authenticator() == Authenticator.OAUTH) {
      this.privateKey = null;
      return;
    }
    try {
      this.privateKey = PrivateKeys.read(keyText(props), getPassword(PRIVATE_KEY_PASSPHRASE).value());
    } catch (PrivateKeys.Problem | IOException e) {
      throw new ConfigException(PRIVATE_KEY, "[hidden]", e.getMessage());
    }
  }

  /**
   * Checks that need several keys or the file system, run when a Snowflake target is selected:
   * messages by the key at fault. Reads and decrypts the private key; contacts nothing.
   */
  public static List<KeyError> validate(Map<String, String> props) {
    List<KeyError> problems = new ArrayList<>();
    for (String key : new String[] {URL, USER, DATABASE, SCHEMA}) {
      if (props.getOrDefault(key, "").isBlank()) {
        problems.add(new KeyError(key, key + " is required with variant.target=snowflake"));
      }
    }
    if (!props.getOrDefault(URL, "").isBlank()) {
      try {
        AccountUrl.parse(props.get(URL));
      } catch (IllegalArgumentException e) {
        problems.add(new KeyError(URL, e.getMessage()));
      }
    }
    problems.addAll(networkProblems(props));
    if (Authenticator.parse(props.get(AUTHENTICATOR)) == Authenticator.OAUTH) {
      for (String key : new String[] {OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, OAUTH_REFRESH_TOKEN}) {
        if (props.getOrDefault(key, "").isBlank()) {
          problems.add(new KeyError(key, key + " is required with snowflake.authenticator=oauth"));
        }
      }
      return problems;
    }
    boolean inline = !props.getOrDefault(PRIVATE_KEY, "").isBlank();
    boolean file = !props.getOrDefault(PRIVATE_KEY_FILE, "").isBlank();
    if (inline && file) {
      problems.add(new KeyError(PRIVATE_KEY_FILE, "set either snowflake.private.key or snowflake.private.key.file, not both"));
    } else if (!inline && !file) {
      problems.add(new KeyError(PRIVATE_KEY, "a private key is required with variant.target=snowflake: set snowflake.private.key"
          + " or snowflake.private.key.file"));
    } else {
      String keyField = inline ? PRIVATE_KEY : PRIVATE_KEY_FILE;
      try {
        PrivateKeys.read(keyText(props), props.getOrDefault(PRIVATE_KEY_PASSPHRASE, ""));
      } catch (IOException e) {
        problems.add(new KeyError(PRIVATE_KEY_FILE, "cannot read " + props.get(PRIVATE_KEY_FILE) + " on this worker: " + e));
      } catch (PrivateKeys.Problem e) {
        String key = e.field() == PrivateKeys.Field.PASSPHRASE ? PRIVATE_KEY_PASSPHRASE : keyField;
        problems.add(new KeyError(key, keyField + ": " + e.getMessage()));
      }
    }
    return problems;
  }

  // Connect budget, proxy and OAuth.
  private static List<KeyError> networkProblems(Map<String, String> props) {
    List<KeyError> problems = new ArrayList<>();
    String host = props.getOrDefault(PROXY_HOST, "").trim();
    String port = props.getOrDefault(PROXY_PORT, "").trim();
    if (!host.isEmpty() || !port.isEmpty()) {
      if (host.isEmpty()) {
        problems.add(new KeyError(PROXY_HOST, "jvm.proxy.host is required when jvm.proxy.port is set"));
      }
      try {
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
          problems.add(new KeyError(PROXY_PORT, "jvm.proxy.port must be a port number, 1 to 65535"));
        }
      } catch (NumberFormatException e) {
        problems.add(new KeyError(PROXY_PORT, "jvm.proxy.port must be a port number, 1 to 65535, with jvm.proxy.host set"));
      }
    }
    if (!props.getOrDefault(PROXY_USER, "").isBlank() && props.getOrDefault(PROXY_PASSWORD, "").isBlank()) {
      problems.add(new KeyError(PROXY_PASSWORD, "jvm.proxy.password is required with jvm.proxy.username"));
    }
    return problems;
  }

  public JdbcTimeouts jdbcTimeouts() {
    return new JdbcTimeouts(getLong(LOCK_TIMEOUT_S), getLong(STATEMENT_TIMEOUT_S));
  }

  public Duration connectBudget() {
    return Duration.ofMillis(getLong(CONNECT_BUDGET_MS));
  }

  /** The proxy every connection goes through, or empty for direct connections. */
  public Optional<ProxySettings> proxy() {
    String host = getString(PROXY_HOST).trim();
    if (host.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ProxySettings(host, Integer.parseInt(getString(PROXY_PORT).trim()), getString(PROXY_USER).trim(),
        getPassword(PROXY_PASSWORD).value(), getString(NON_PROXY_HOSTS).trim()));
  }

  public Authenticator authenticator() {
    return Authenticator.parse(getString(AUTHENTICATOR));
  }

  /** The OAuth settings; only with {@link Authenticator#OAUTH}. */
  public OAuthSettings oauth() {
    String endpoint = getString(OAUTH_TOKEN_ENDPOINT).trim();
    return new OAuthSettings(getString(OAUTH_CLIENT_ID).trim(), getPassword(OAUTH_CLIENT_SECRET).value(),
        getPassword(OAUTH_REFRESH_TOKEN).value(),
        endpoint.isEmpty() ? url.httpUrl().replaceAll("/+$", "") + "/oauth/token-request" : endpoint);
  }

  static final class PortValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : value.toString().trim();
      if (!text.isEmpty() && !text.matches("[0-9]{1,5}")) {
        throw new ConfigException(name, value, "must be a port number, 1 to 65535");
      }
    }

    @Override
    public String toString() {
      return "a port number, 1 to 65535, or empty";
    }
  }

  // End of connect budget, proxy and OAuth.

  private static String keyText(Map<String, String> props) throws IOException {
    String inline = props.getOrDefault(PRIVATE_KEY, "");
    if (!inline.isBlank()) {
      return inline;
    }
    return Files.readString(Paths.get(props.get(PRIVATE_KEY_FILE).trim()), StandardCharsets.US_ASCII);
  }

  public AccountUrl url() {
    return url;
  }

  public String user() {
    return getString(USER).trim();
  }

  public Optional<SnowflakeIdentifier> role() {
    return optional(ROLE);
  }

  public SnowflakeIdentifier database() {
    return SnowflakeIdentifier.parse(getString(DATABASE));
  }

  public SnowflakeIdentifier schema() {
    return SnowflakeIdentifier.parse(getString(SCHEMA));
  }

  public Optional<SnowflakeIdentifier> warehouse() {
    return optional(WAREHOUSE);
  }

  public RSAPrivateCrtKey privateKey() {
    return privateKey;
  }

  public IngestionMethod ingestionMethod() {
    return EnumKeys.parse(IngestionMethod.class, INGESTION_METHOD, getString(INGESTION_METHOD));
  }

  public Duration maxClientLag() {
    return Duration.ofSeconds(getLong(MAX_CLIENT_LAG));
  }

  public SnowflakeIdentifier offsetsTable() {
    return SnowflakeIdentifier.of(TableNames.normalize(getString(OFFSETS_TABLE).trim()));
  }

  private Optional<SnowflakeIdentifier> optional(String key) {
    String value = getString(key);
    return value.isBlank() ? Optional.empty() : Optional.of(SnowflakeIdentifier.parse(value));
  }

  /** Every setting but the secrets, for logs. */
  @Override
  public String toString() {
    return "SnowflakeConfig[url=" + url.httpUrl() + ", user=" + user() + ", role=" + role().orElse(null)
        + ", database=" + database() + ", schema=" + schema() + ", warehouse=" + warehouse().orElse(null)
        + ", method=" + ingestionMethod() + ", authenticator=" + authenticator().key() + ", proxy="
        + proxy().map(ProxySettings::toString).orElse("none") + ", privateKey=[hidden]]";
  }

  static final class UrlValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value != null && !value.toString().isBlank()) {
        try {
          AccountUrl.parse(value.toString());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
      }
    }

    @Override
    public String toString() {
      return "<account_identifier>.snowflakecomputing.com[:443], optionally with https://";
    }
  }

  static final class IdentifierValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value != null && !value.toString().isBlank()) {
        try {
          SnowflakeIdentifier.parse(value.toString());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
      }
    }

    @Override
    public String toString() {
      return "a Snowflake identifier: letters, digits, _ and $, or a name in double quotes";
    }
  }

  /** Secrets are checked as a whole in {@link #validate}; here only that a value is present as text. */
  static final class PasswordValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value != null && !(value instanceof Password) && !(value instanceof String)) {
        throw new ConfigException(name, "[hidden]", "must be text");
      }
    }

    @Override
    public String toString() {
      return "text (hidden)";
    }
  }

  static final class FileValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String path = value == null ? "" : value.toString().trim();
      if (!path.isEmpty() && !Path.of(path).isAbsolute()) {
        throw new ConfigException(name, value, "must be an absolute path of a file present on every worker");
      }
    }

    @Override
    public String toString() {
      return "an absolute file path";
    }
  }
}
