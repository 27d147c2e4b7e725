package io.github.variantconnect.ats.config;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A name Kafka accepts for a topic, so a bad one fails validation rather than the first send. */
final class TopicNameValidator implements ConfigDef.Validator {

  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  private final boolean optional;

  private TopicNameValidator(boolean optional) {
    this.optional = optional;
  }

  static TopicNameValidator required() {
    return new TopicNameValidator(false);
  }

  /** Empty means "no such topic". */
  static TopicNameValidator optional() {
    return new TopicNameValidator(true);
  }

  @Override
  public void ensureValid(String name, Object value) {
    String topic = value == null ? "" : value.toString().trim();
    if (optional && topic.isEmpty()) {
      return;
    }
    if (!LEGAL.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new ConfigException(name, value, "'" + topic + "' is not a legal topic name (1 to 249 of letters, digits,"
          + " '.', '_' and '-'; not '.' or '..')");
    }
  }

  @Override
  public String toString() {
    return (optional ? "empty or " : "") + "a topic name: 1 to 249 of letters, digits, '.', '_' and '-'";
  }
}
