package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.common.config.EnumKeys;
import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.sink.routing.TableNameValidator;
import io.github.variantconnect.sink.routing.TableNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  public static final ConfigDef CONFIG_DEF = new ConfigDef()
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
      .define(INGESTION_METHOD, Type.STRING, IngestionMethod.SNOWPIPE_STREAMING.name(),
          EnumKeys.validator(IngestionMethod.class).refusing("SNOWPIPE", "file-based Snowpipe is not supported; use"
              + " SNOWPIPE_STREAMING (the official connector's recommended method, exactly-once) or JDBC"),
          Importance.HIGH,
          "SNOWPIPE_STREAMING writes through Snowpipe Streaming channels, one per partition, with the Kafka offset"
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
          GROUP_INGESTION, 3, Width.MEDIUM, "Offsets table");

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
        + ", method=" + ingestionMethod() + ", privateKey=[hidden]]";
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
