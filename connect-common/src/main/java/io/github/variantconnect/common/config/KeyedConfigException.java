package io.github.variantconnect.common.config;

import org.apache.kafka.common.config.ConfigException;

/** A {@link ConfigException} that remembers its key, so validation can report it on that key. */
public class KeyedConfigException extends ConfigException {

  private final String key;
  private final String reason;

  public KeyedConfigException(String key, Object value, String reason) {
    super(key, value, reason);
    this.key = key;
    this.reason = reason;
  }

  public String key() {
    return key;
  }

  /** The message without Kafka's "Invalid value ... for configuration ..." prefix. */
  public String reason() {
    return reason;
  }
}
