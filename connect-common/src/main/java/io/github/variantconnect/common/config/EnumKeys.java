package io.github.variantconnect.common.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Enum-valued keys, one idiom for every plugin: written in lower case in configs and docs, parsed
 * case-insensitively with {@code -} read as {@code _}, and an unknown value names the choices.
 */
public final class EnumKeys {

  private EnumKeys() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
    String text = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw new KeyedConfigException(key, value, "must be one of " + names(type));
  }

  /** How a constant is written in configs. */
  public static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  public static String names(Class<? extends Enum<?>> type) {
    return String.join(", ", nameList(type));
  }

  public static List<String> nameList(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(EnumKeys::name).collect(Collectors.toList());
  }

  public static <E extends Enum<E>> Validator<E> validator(Class<E> type) {
    return new Validator<>(type, Map.of());
  }

  public static <E extends Enum<E>> ConfigDef.Recommender recommender(Class<E> type) {
    return new ConfigDef.Recommender() {
      @Override
      public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return List.copyOf(nameList(type));
      }

      @Override
      public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
      }
    };
  }

  /** Accepts the constants of one enum; some values a user may try can be refused with their own reason. */
  public static final class Validator<E extends Enum<E>> implements ConfigDef.Validator {

    private final Class<E> type;
    private final Map<String, String> refused;

    private Validator(Class<E> type, Map<String, String> refused) {
      this.type = type;
      this.refused = refused;
    }

    /** A value that is not a constant but deserves a better answer than the list of choices. */
    public Validator<E> refusing(String value, String reason) {
      Map<String, String> more = new LinkedHashMap<>(refused);
      more.put(value.toUpperCase(Locale.ROOT).replace('-', '_'), reason);
      return new Validator<>(type, Map.copyOf(more));
    }

    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : value.toString().trim().toUpperCase(Locale.ROOT).replace('-', '_');
      String reason = refused.get(text);
      if (reason != null) {
        throw new KeyedConfigException(name, value, reason);
      }
      parse(type, name, value == null ? null : value.toString());
    }

    @Override
    public String toString() {
      return "one of " + names(type);
    }
  }
}
