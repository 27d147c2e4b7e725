package io.github.variantconnect.quickstart.snowflake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.types.Password;

/**
 * How the dashboard signs in to Snowflake and where it finds the views of {@code sql/snowflake}.
 * Each setting comes from its {@code quickstart.snowflake.*} system property, else from the
 * {@code SNOWFLAKE_*} environment variable the live tests use, else from its default, which matches
 * {@code sql/snowflake/00_setup.sql}.
 *
 * @param account account identifier ({@code myorg-myaccount}, {@code xy12345.eu-central-1}) or its URL
 * @param user a user whose RSA public key is registered
 * @param privateKey the PKCS#8 key text; hidden from {@code toString}
 * @param role the role to use, else the user's default role
 * @param warehouse runs the panels' queries
 * @param database the database of the views
 * @param schema the schema of the views
 * @param loginTimeout how long a login may take before the dashboard gives up
 */
public record SnowflakeSettings(
    String account,
    String user,
    Password privateKey,
    Optional<String> role,
    String warehouse,
    String database,
    String schema,
    Duration loginTimeout) {

  public static final String PREFIX = "quickstart.snowflake.";
  public static final String ACCOUNT = PREFIX + "account";
  public static final String USER = PREFIX + "user";
  public static final String PRIVATE_KEY = PREFIX + "private.key";
  public static final String PRIVATE_KEY_FILE = PREFIX + "private.key.file";
  public static final String ROLE = PREFIX + "role";
  public static final String WAREHOUSE = PREFIX + "warehouse";
  public static final String DATABASE = PREFIX + "database";
  public static final String SCHEMA = PREFIX + "schema";
  public static final String LOGIN_TIMEOUT = PREFIX + "login.timeout";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String DOMAIN = ".snowflakecomputing.com";
  private static final int MAX_LOGIN_TIMEOUT_SECONDS = 600;

  /**
   * Reads the settings; throws IllegalArgumentException naming the setting at fault. The key is
   * read and checked here, so a bad key stops the start before anything runs.
   */
  public static SnowflakeSettings parse(Properties properties, Map<String, String> environment) {
    Settings values = new Settings(properties, environment);
    String account = values.required(ACCOUNT);
    if (!ACCOUNT_NAME.matcher(host(account)).matches()) {
      throw new IllegalArgumentException(ACCOUNT + " must be an account identifier such as myorg-myaccount or"
          + " xy12345.eu-central-1, or its https://...snowflakecomputing.com URL");
    }
    Password key = new Password(values.privateKey());
    SnowflakeKeys.read(key.value(), values.keySource());
    return new SnowflakeSettings(
        account,
        values.required(USER),
        key,
        values.optional(ROLE).map(role -> identifier(ROLE, role)),
        identifier(WAREHOUSE, values.optional(WAREHOUSE).orElse("VARIANT_CONNECT_WH")),
        identifier(DATABASE, values.optional(DATABASE).orElse("VARIANT_CONNECT")),
        identifier(SCHEMA, values.optional(SCHEMA).orElse("RAW")),
        loginTimeout(values.optional(LOGIN_TIMEOUT).orElse("30")));
  }

  /** e.g. {@code jdbc:snowflake://myorg-myaccount.snowflakecomputing.com/}. */
  public String jdbcUrl() {
    return "jdbc:snowflake://" + host(account) + DOMAIN + "/";
  }

  public PrivateKey key() {
    return SnowflakeKeys.read(privateKey.value(), PRIVATE_KEY);
  }

  /** Database, schema and user, for the start-up summary. */
  public String describe() {
    return database + "." + schema + " as " + user + " on " + host(account) + DOMAIN;
  }

  /** The account part of what the user gave: scheme, domain and path removed. */
  private static String host(String account) {
    String host = account.strip().replaceFirst("^[A-Za-z]+://", "").replaceFirst("/.*$", "");
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(DOMAIN) ? host.substring(0, host.length() - DOMAIN.length()) : host;
  }

  /** Names go to the driver as the session's database, schema, role and warehouse: plain identifiers only. */
  private static String identifier(String key, String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(key + " must be a plain Snowflake identifier (letters, digits, _ and $,"
          + " not starting with a digit), got '" + name + "'");
    }
    return name.toUpperCase(Locale.ROOT);
  }

  private static Duration loginTimeout(String value) {
    try {
      int seconds = Integer.parseInt(value);
      if (seconds >= 1 && seconds <= MAX_LOGIN_TIMEOUT_SECONDS) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(LOGIN_TIMEOUT + " must be a number of seconds from 1 to "
        + MAX_LOGIN_TIMEOUT_SECONDS + ", got '" + value + "'");
  }

  /** Property, else environment variable ({@code quickstart.snowflake.private.key} → {@code SNOWFLAKE_PRIVATE_KEY}). */
  private record Settings(Properties properties, Map<String, String> environment) {

    Optional<String> optional(String key) {
      String value = properties.getProperty(key);
      if (value == null || value.isBlank()) {
        value = environment.get(variable(key));
      }
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String required(String key) {
      return optional(key).orElseThrow(() -> new IllegalArgumentException(
          key + " (or " + variable(key) + ") is required when the dashboard reads from Snowflake"));
    }

    String privateKey() {
      Optional<String> file = optional(PRIVATE_KEY_FILE);
      Optional<String> text = optional(PRIVATE_KEY);
      if (file.isPresent() && text.isPresent()) {
        throw new IllegalArgumentException("set one of " + PRIVATE_KEY + " and " + PRIVATE_KEY_FILE + ", not both");
      }
      if (text.isPresent()) {
        return text.get();
      }
      Path path = Path.of(file.orElseThrow(() -> new IllegalArgumentException(
          PRIVATE_KEY_FILE + " or " + PRIVATE_KEY + " (or " + variable(PRIVATE_KEY_FILE) + " or "
              + variable(PRIVATE_KEY) + ") is required when the dashboard reads from Snowflake")));
      try {
        return Files.readString(path, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new IllegalArgumentException(PRIVATE_KEY_FILE + ": cannot read " + path.toAbsolutePath() + " ("
            + e.getClass().getSimpleName() + ")");
      }
    }

    String keySource() {
      return optional(PRIVATE_KEY).isPresent() ? PRIVATE_KEY : PRIVATE_KEY_FILE + " " + optional(PRIVATE_KEY_FILE).get();
    }

    static String variable(String key) {
      return "SNOWFLAKE_" + key.substring(PREFIX.length()).replace('.', '_').toUpperCase(Locale.ROOT);
    }
  }
}
