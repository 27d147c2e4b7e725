package io.github.variantconnect.sink.target.snowflake;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code snowflake.url.name} as the official connector takes it: {@code
 * <account>.snowflakecomputing.com}, optionally with {@code https://} and {@code :443}. Parsed
 * here, without any network call, so a typo fails validation instead of a task.
 */
public record AccountUrl(String scheme, String host, int port) {

  private static final Pattern URL =
      Pattern.compile("(?:(https?)://)?([A-Za-z0-9][A-Za-z0-9._-]*)(?::(\\d{1,5}))?/?");
  private static final Pattern SNOWFLAKE_HOST = Pattern.compile(".+\\.snowflakecomputing\\.(com|cn)");

  /**
   * Parses the value, or throws {@link IllegalArgumentException} with a message that says what a
   * valid one looks like.
   */
  public static AccountUrl parse(String value) {
    String text = value == null ? "" : value.trim();
    Matcher m = URL.matcher(text);
    if (!m.matches() || !SNOWFLAKE_HOST.matcher(m.group(2).toLowerCase(Locale.ROOT)).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a Snowflake account URL; expected"
          + " <account_identifier>.snowflakecomputing.com, optionally with https:// and :443, e.g."
          + " myorg-myaccount.snowflakecomputing.com:443 or xy12345.eu-central-1.snowflakecomputing.com");
    }
    String scheme = m.group(1) == null ? "https" : m.group(1).toLowerCase(Locale.ROOT);
    int port = m.group(3) == null ? ("https".equals(scheme) ? 443 : 80) : Integer.parseInt(m.group(3));
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'" + text + "' has port " + port + ", which is not a TCP port");
    }
    return new AccountUrl(scheme, m.group(2).toLowerCase(Locale.ROOT), port);
  }

  /** The first label of the host: the account identifier (or locator) as the URL spells it. */
  public String account() {
    return host.substring(0, host.indexOf('.'));
  }

  /** {@code https://host:443}, the form the streaming SDK takes. */
  public String httpUrl() {
    return scheme + "://" + host + ":" + port;
  }

  /** The JDBC driver's URL for this account. */
  public String jdbcUrl() {
    return "jdbc:snowflake://" + host + ":" + port + ("http".equals(scheme) ? "/?ssl=off" : "");
  }
}
