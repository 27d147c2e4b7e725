package io.github.variantconnect.common.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * What every connector's {@code validate()} does around its own checks: take the per-key results,
 * tell whether keys passed their own validators, and attach each cross-key error to the key a user
 * has to fix — adding the key to the result when the ConfigDef does not define it (per-endpoint
 * keys, {@code tasks.max}). A key that already failed its own validator keeps that one, most
 * specific message.
 */
public final class KeyedValidation {

  private final Config result;
  private final Map<String, String> config;
  private final Map<String, ConfigValue> values = new HashMap<>();
  private final Set<String> failedOwnValidator = new HashSet<>();

  private KeyedValidation(Config result, Map<String, String> config) {
    this.result = result;
    this.config = config;
    for (ConfigValue value : result.configValues()) {
      values.put(value.name(), value);
      if (!value.errorMessages().isEmpty()) {
        failedOwnValidator.add(value.name());
      }
    }
  }

  /** Starts from the result of {@code super.validate(config)}, the per-key checks of the ConfigDef. */
  public static KeyedValidation of(Config perKeyResult, Map<String, String> config) {
    return new KeyedValidation(perKeyResult, config);
  }

  /** Whether every key passed its own validator, so checks between keys can parse the config. */
  public boolean keysValid() {
    return failedOwnValidator.isEmpty();
  }

  /** Whether this key is defined and passed its own validator. */
  public boolean keyValid(String key) {
    return values.containsKey(key) && !failedOwnValidator.contains(key);
  }

  public void add(String key, String message) {
    if (failedOwnValidator.contains(key)) {
      return;
    }
    ConfigValue value = values.get(key);
    if (value == null) {
      value = new ConfigValue(key, config.get(key), List.of(), new ArrayList<>());
      values.put(key, value);
      result.configValues().add(value);
    }
    value.addErrorMessage(message);
  }

  public void add(KeyError error) {
    add(error.key(), error.message());
  }

  public void add(KeyedConfigException e) {
    add(e.key(), e.reason());
  }

  public void addAll(List<KeyError> errors) {
    errors.forEach(this::add);
  }

  public Config result() {
    return result;
  }
}
