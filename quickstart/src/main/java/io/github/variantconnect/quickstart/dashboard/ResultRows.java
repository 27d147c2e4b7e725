package io.github.variantconnect.quickstart.dashboard;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Turns query results into JSON-ready rows (column label, lower case → value). Times become
 * ISO-8601 UTC strings: the views' naive timestamps are UTC by contract ({@code … AT TIME ZONE 'UTC'}
 * in DuckDB, {@code CONVERT_TIMEZONE('UTC', …)::TIMESTAMP_NTZ} in Snowflake), and the JVM's own time
 * zone must not shift them. Only calls both drivers implement are used: a UTC calendar for naive
 * timestamps (Snowflake's driver rejects {@code getObject(i, LocalDateTime.class)}) and the text of
 * dates. Non-finite doubles become null, as JSON has no NaN.
 */
final class ResultRows {

  private ResultRows() {}

  static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<Map<String, Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i, meta.getColumnType(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object value(ResultSet rs, int column, int type) throws SQLException {
    Object raw = rs.getObject(column);
    if (raw == null) {
      return null;
    }
    return switch (type) {
      case Types.TIMESTAMP -> rs.getTimestamp(column, utc()).toInstant().toString();
      case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getTimestamp(column).toInstant().toString();
      case Types.DATE -> LocalDate.parse(rs.getString(column)).toString();
      default -> plain(raw);
    };
  }

  /** A calendar per call: Calendar is mutable and drivers may set fields on it. */
  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
  }

  private static Object plain(Object raw) throws SQLException {
    if (raw instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : d;
    }
    if (raw instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? null : f;
    }
    if (raw instanceof Number || raw instanceof Boolean || raw instanceof String) {
      return raw;
    }
    if (raw instanceof Array array) {
      List<Object> items = new ArrayList<>();
      for (Object item : Arrays.asList((Object[]) array.getArray())) {
        items.add(item == null ? null : plain(item));
      }
      return items;
    }
    return raw.toString();
  }
}
