package io.github.variantconnect.common.config;

import java.util.Map;

/**
 * The worker's {@code errors.tolerance} key, as a connector reads it: the worker owns and validates
 * the key, so a connector only asks whether it says {@code all}.
 */
public final class ErrorsTolerance {

  public static final String KEY = "errors.tolerance";

  private ErrorsTolerance() {}

  /** True when the connector config sets {@code errors.tolerance=all}, in any case. */
  public static boolean all(Map<String, ?> originals) {
    Object value = originals.get(KEY);
    return value != null && "all".equalsIgnoreCase(value.toString().trim());
  }
}
