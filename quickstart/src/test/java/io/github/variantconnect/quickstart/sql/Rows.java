package io.github.variantconnect.quickstart.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads query results into plain Java values that compare the same whichever database produced
 * them: integers as Long, decimals as BigDecimal, floating point as Double, TIMESTAMP as
 * LocalDateTime, DATE as LocalDate, lists (a DuckDB LIST or a Snowflake ARRAY) as List of String.
 * Column names are lower-cased, as Snowflake reports them upper-case.
 */
final class Rows {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Rows() {}

  static List<Map<String, Object>> query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i, meta.getColumnTypeName(i)));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** The column names of a table or view, in order, lower-cased. */
  static List<String> columns(Connection connection, String object) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM " + object + " LIMIT 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
      return names;
    }
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Object value(ResultSet rs, int column, String typeName) throws SQLException {
    String type = typeName.toUpperCase(Locale.ROOT);
    if (type.startsWith("TIMESTAMP")) {
      Timestamp timestamp = rs.getTimestamp(column);
      return timestamp == null ? null : timestamp.toLocalDateTime();
    }
    if (type.equals("DATE")) {
      java.sql.Date date = rs.getDate(column);
      return date == null ? null : date.toLocalDate();
    }
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    if (type.equals("ARRAY") && value instanceof String text) {
      return jsonStrings(text);
    }
    return normalize(value);
  }

  private static Object normalize(Object value) throws SQLException {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.scale() <= 0 ? (Object) decimal.longValueExact() : decimal;
    }
    if (value instanceof Float || value instanceof Double) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Array array) {
      List<String> items = new ArrayList<>();
      for (Object item : (Object[]) array.getArray()) {
        items.add(item == null ? null : item.toString());
      }
      return items;
    }
    return value;
  }

  private static List<String> jsonStrings(String text) {
    try {
      List<String> items = new ArrayList<>();
      for (JsonNode item : JSON.readTree(text)) {
        items.add(item.isNull() ? null : item.asText());
      }
      return items;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not a JSON array: " + text, e);
    }
  }
}
