package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a view's rows with rows computed independently in Java: same columns in the same order,
 * same number of rows, and per key every value equal, except that floating-point values (averages,
 * ratios) may differ by a relative tolerance.
 */
final class RowAssert {

  private static final int MAX_REPORTED = 12;

  private final double tolerance;

  /** @param tolerance relative tolerance for floating-point values, at least 1e-12 absolute */
  RowAssert(double tolerance) {
    this.tolerance = tolerance;
  }

  void assertRows(String view, List<String> actualColumns, List<Map<String, Object>> actual,
      List<String> expectedColumns, List<Map<String, Object>> expected, List<String> key) {
    assertThat(actualColumns).as("columns of %s", view).containsExactlyElementsOf(expectedColumns);
    assertThat(actual).as("rows of %s", view).hasSameSizeAs(expected);
    Map<List<Object>, Map<String, Object>> byKey = new HashMap<>();
    for (Map<String, Object> row : actual) {
      List<Object> k = keyOf(row, key);
      if (byKey.put(k, row) != null) {
        fail("%s has more than one row for %s = %s", view, key, k);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> want : expected) {
      List<Object> k = keyOf(want, key);
      Map<String, Object> got = byKey.get(k);
      if (got == null) {
        problems.add("missing row " + key + " = " + k);
        continue;
      }
      for (String column : expectedColumns) {
        Object wanted = want.get(column);
        Object found = got.get(column);
        if (!matches(found, wanted)) {
          problems.add(k + " " + column + ": expected " + describe(wanted) + " but was " + describe(found));
        }
      }
      if (problems.size() >= MAX_REPORTED) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      fail("%s differs from the independent computation:%n  %s", view, String.join("\n  ", problems));
    }
  }

  boolean matches(Object actual, Object expected) {
    if (actual == null || expected == null) {
      return actual == expected;
    }
    if (expected instanceof Double e && actual instanceof Number a) {
      return Math.abs(a.doubleValue() - e) <= Math.max(1e-12, tolerance * Math.abs(e));
    }
    if (expected instanceof BigDecimal e && actual instanceof Number a) {
      return e.compareTo(new BigDecimal(a.toString())) == 0;
    }
    if (expected instanceof Long e && actual instanceof BigDecimal a) {
      return a.compareTo(BigDecimal.valueOf(e)) == 0;
    }
    return Objects.equals(actual, expected);
  }

  private static List<Object> keyOf(Map<String, Object> row, List<String> key) {
    List<Object> values = new ArrayList<>();
    for (String column : key) {
      values.add(row.get(column));
    }
    return values;
  }

  private static String describe(Object value) {
    return value == null ? "NULL" : value + " (" + value.getClass().getSimpleName() + ")";
  }
}
