package io.github.variantconnect.common.config;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;

/** The names Kafka accepts for a topic, so a bad one fails validation rather than the first send. */
public final class TopicNames {

  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]+");
  private static final int MAX_CHARS = 249;
  private static final String RULE = "a topic name: 1 to " + MAX_CHARS + " of letters, digits, '.', '_' and '-', not '.' or '..'";

  private TopicNames() {}

  /** A required topic name. */
  public static ConfigDef.Validator validator() {
    return new Validator(false);
  }

  /** Empty, meaning "no such topic", or a topic name. */
  public static ConfigDef.Validator optionalValidator() {
    return new Validator(true);
  }

  /** Returns the topic, or throws a {@link KeyedConfigException} naming {@code key}. */
  public static String check(String key, String topic) {
    if (topic.isEmpty() || topic.length() > MAX_CHARS || topic.equals(".") || topic.equals("..")
        || !LEGAL.matcher(topic).matches()) {
      throw new KeyedConfigException(key, topic, "'" + topic + "' is not a legal topic name (1 to " + MAX_CHARS
          + " of letters, digits, '.', '_' and '-'; not '.' or '..')");
    }
    return topic;
  }

  private record Validator(boolean optional) implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String topic = value == null ? "" : value.toString().trim();
      if (!(optional && topic.isEmpty())) {
        check(name, topic);
      }
    }

    @Override
    public String toString() {
      return (optional ? "empty or " : "") + RULE;
    }
  }
}
