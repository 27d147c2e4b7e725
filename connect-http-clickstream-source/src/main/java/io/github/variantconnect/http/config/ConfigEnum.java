package io.github.variantconnect.http.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;

/** Enum-valued keys: written in lower case in configs, parsed case-insensitively. */
public final class ConfigEnum {

  private ConfigEnum() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
    String text = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw new KeyedConfigException(key, value, "must be one of " + names(type));
  }

  public static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  public static String names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(ConfigEnum::name).collect(Collectors.joining(", "));
  }

  public static <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        parse(type, name, value == null ? null : value.toString());
      }

      @Override
      public String toString() {
        return "one of " + names(type);
      }
    };
  }

  public static <E extends Enum<E>> ConfigDef.Recommender recommender(Class<E> type) {
    return new ConfigDef.Recommender() {
      @Override
      public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigEnum::name).collect(Collectors.toList());
      }

      @Override
      public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
      }
    };
  }
}
