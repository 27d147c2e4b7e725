package io.github.variantconnect.sink.routing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Table names the sink creates. They follow the rules of an unquoted Snowflake identifier and are
 * stored upper-case, as Snowflake stores unquoted names, so the same SQL finds them in Snowflake
 * and in DuckDB (whose name matching ignores case).
 */
public final class TableNames {

  public static final int MAX_LENGTH = 255;
  private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private TableNames() {}

  public static boolean isValid(String name) {
    return name != null && name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
  }

  /** Why a name is not valid, for config errors; null when it is. */
  public static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "a table name must not be empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "table name '" + name + "' is longer than " + MAX_LENGTH + " characters";
    }
    if (!VALID.matcher(name).matches()) {
      return "table name '" + name + "' must start with a letter or _ and contain only letters, digits, _ and $";
    }
    return null;
  }

  /** The stored form of a valid name. */
  public static String normalize(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /**
   * A table name derived from a topic, used when {@code topic2table.map} does not route the topic.
   * Characters an identifier cannot hold become {@code _}; if anything had to change, a hash of the
   * topic is appended so that, say, {@code a-b} and {@code a.b} do not share a table.
   */
  public static String fromTopic(String topic) {
    StringBuilder name = new StringBuilder(topic.length() + 12);
    boolean changed = false;
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9');
      name.append(ok ? c : '_');
      changed |= !ok;
    }
    if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
      name.insert(0, '_');
      changed = true;
    }
    if (changed) {
      name.append('_').append(Integer.toUnsignedString(topic.hashCode(), 16).toUpperCase(Locale.ROOT));
    }
    if (name.length() > MAX_LENGTH) {
      String hash = Integer.toUnsignedString(topic.hashCode(), 16).toUpperCase(Locale.ROOT);
      name.setLength(MAX_LENGTH - hash.length() - 1);
      name.append('_').append(hash);
    }
    return normalize(name.toString());
  }
}
