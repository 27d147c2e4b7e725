package io.github.variantconnect.ats.config;

import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;

/** Enum-valued config keys: lower-case names in configs, any case accepted. */
final class ConfigChoice {

  private ConfigChoice() {}

  static String configValue(Enum<?> choice) {
    return choice.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
  }

  static <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type) {
    return ConfigDef.CaseInsensitiveValidString.in(
        Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).toArray(String[]::new));
  }
}
