package io.github.variantconnect.sink.target.snowflake;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A database, schema, role or warehouse name from config, as Snowflake reads identifiers: an
 * unquoted name ({@code analytics}) means its upper-case form, a double-quoted one ({@code
 * "Raw-Data"}) is taken exactly. Always written to SQL quoted, so no config text becomes SQL.
 */
public final class SnowflakeIdentifier {

  private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final int MAX_LENGTH = 255;

  private final String name;

  private SnowflakeIdentifier(String name) {
    this.name = name;
  }

  /**
   * The identifier a config value stands for, or {@link IllegalArgumentException} saying what is
   * allowed.
   */
  public static SnowflakeIdentifier parse(String value) {
    String text = value == null ? "" : value.trim();
    if (UNQUOTED.matcher(text).matches() && text.length() <= MAX_LENGTH) {
      return new SnowflakeIdentifier(text.toUpperCase(Locale.ROOT));
    }
    if (text.length() >= 3 && text.startsWith("\"") && text.endsWith("\"")) {
      String inner = text.substring(1, text.length() - 1);
      if (inner.replace("\"\"", "").indexOf('"') < 0 && inner.length() <= MAX_LENGTH
          && inner.chars().noneMatch(Character::isISOControl)) {
        return new SnowflakeIdentifier(inner.replace("\"\"", "\""));
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a Snowflake identifier: use letters, digits, _ and $"
        + " (not starting with a digit), or a name in double quotes for anything else");
  }

  /** An identifier the sink chose itself (a validated table name, stored upper-case). */
  public static SnowflakeIdentifier of(String name) {
    return new SnowflakeIdentifier(name);
  }

  /** The name as Snowflake stores it. */
  public String name() {
    return name;
  }

  /** Double-quoted, embedded quotes doubled: safe in any SQL text. */
  public String quoted() {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * The form APIs that take identifiers as text expect (the streaming SDK, JDBC connection
   * properties): bare when it is a plain upper-case name, quoted otherwise.
   */
  public String asText() {
    return UNQUOTED.matcher(name).matches() && name.equals(name.toUpperCase(Locale.ROOT)) ? name : quoted();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnowflakeIdentifier other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return asText();
  }
}
