package io.github.variantconnect.sink.target.snowflake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording JDBC layer over a {@link FakeSnowflake} account: java.sql interfaces as dynamic
 * proxies that understand exactly the statements the Snowflake targets send, keep a transaction's
 * changes apart until commit (DDL commits implicitly, as in Snowflake), and log every statement,
 * commit and rollback so tests can check batch and transaction boundaries.
 */
final class FakeJdbc {

  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern LAST_IDENTIFIER = Pattern.compile("\"([^\"]+)\"$");

  /** One thing a connection did. */
  record Event(String kind, String sql, int binds) {
    @Override
    public String toString() {
      return sql == null ? kind : kind + " " + sql.split(" ")[0] + (binds > 0 ? "[" + binds + "]" : "");
    }
  }

  /** Everything every connection of an account did, in order. */
  static final class Log {
    final List<Event> events = new ArrayList<>();

    void add(String kind, String sql, int binds) {
      events.add(new Event(kind, sql, binds));
    }

    List<String> summary() {
      return events.stream().map(Event::toString).toList();
    }

    long count(String sqlPrefix) {
      return events.stream().filter(e -> e.sql() != null && e.sql().startsWith(sqlPrefix)).count();
    }

    void clear() {
      events.clear();
    }
  }

  private FakeJdbc() {}

  static Connection connect(FakeSnowflake account) throws SQLException {
    SQLException failure = account.nextJdbcFailure("login");
    if (failure != null) {
      throw failure;
    }
    account.jdbcLog.add("connect", null, 0);
    return proxy(Connection.class, new ConnectionHandler(account));
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(FakeJdbc.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** A transaction's changes, applied to the account on commit. */
  private static final class Changes {
    final List<FakeSnowflake.StoredRow> rows = new ArrayList<>();
    final Map<String, Map<List<Object>, Long>> offsets = new HashMap<>();

    void applyTo(FakeSnowflake account) {
      account.rows.addAll(rows);
      offsets.forEach((table, changes) -> changes.forEach((key, value) -> {
        Map<List<Object>, Long> stored = account.offsetTables.get(table);
        if (value == null) {
          stored.remove(key);
        } else {
          stored.put(key, value);
        }
      }));
    }
  }

  private static final class ConnectionHandler implements InvocationHandler {
    private final FakeSnowflake account;
    private boolean autoCommit = true;
    private boolean closed;
    /** Statements ran since the last commit or rollback, with auto-commit off. */
    private boolean inTransaction;
    private Changes changes = new Changes();
    private final Map<String, String> sessionParameters = new HashMap<>();

    ConnectionHandler(FakeSnowflake account) {
      this.account = account;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "createStatement":
          return proxy(Statement.class, new StatementHandler(this, null));
        case "prepareStatement":
          return proxy(PreparedStatement.class, new StatementHandler(this, (String) args[0]));
        case "setAutoCommit":
          boolean on = (Boolean) args[0];
          if (on && !autoCommit && inTransaction) {
            commit();
          } else if (!on && autoCommit) {
            account.jdbcLog.add("begin", null, 0);
          }
          autoCommit = on;
          return null;
        case "getAutoCommit":
          return autoCommit;
        case "commit":
          commit();
          return null;
        case "rollback":
          account.jdbcLog.add("rollback", null, 0);
          changes = new Changes();
          inTransaction = false;
          return null;
        case "close":
          if (!closed) {
            account.jdbcLog.add("close", null, 0);
          }
          closed = true;
          changes = new Changes();
          return null;
        case "isClosed":
          return closed;
        case "toString":
          return "FakeJdbcConnection";
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          throw new UnsupportedOperationException("FakeJdbc: Connection." + method.getName());
      }
    }

    private void commit() throws SQLException {
      inTransaction = false;
      SQLException failure = account.nextJdbcFailure("commit");
      if (failure != null) {
        changes = new Changes();
        account.jdbcLog.add("commit failed", null, 0);
        throw failure;
      }
      changes.applyTo(account);
      changes = new Changes();
      account.jdbcLog.add("commit", null, 0);
      if (account.failAfterNextCommit) {
        account.failAfterNextCommit = false;
        throw new SQLException("JDBC driver encountered communication error", "08006", 200008);
      }
    }

    /** Runs one statement; returns a ResultSet for queries, an update count otherwise. */
    Object run(String sql, Map<Integer, Object> binds) throws SQLException {
      if (closed) {
        throw new SQLException("connection is closed", "08003");
      }
      account.jdbcLog.add("sql", sql, binds.size());
      inTransaction = !autoCommit;
      SQLException failure = account.nextJdbcFailure(sql);
      if (failure != null) {
        throw failure;
      }
      List<Object> values = new ArrayList<>(new TreeMap<>(binds).values());
      if (sql.startsWith("ALTER SESSION SET ")) {
        // Session parameters (https://docs.snowflake.com/en/sql-reference/sql/alter-session): kept per connection.
        for (String assignment : sql.substring("ALTER SESSION SET ".length()).split(",")) {
          String[] parts = assignment.split("=");
          sessionParameters.put(parts[0].trim(), parts[1].trim());
        }
        account.sessionParameters.add(Map.copyOf(sessionParameters));
        return 0;
      }
      String table = sql.split(" ")[0].equals("DESCRIBE") ? sql.substring("DESCRIBE TABLE ".length())
          : qualifiedAfter(sql);
      if (sql.startsWith("DESCRIBE TABLE ")) {
        Map<String, String> columns = account.tables.get(table);
        if (columns == null) {
          throw new SQLException("SQL compilation error: Table '" + table + "' does not exist or not authorized.",
              "42S02", 2003);
        }
        List<Object[]> rows = new ArrayList<>();
        columns.forEach((name, type) -> rows.add(new Object[] {name, type}));
        return resultSet(List.of("name", "type"), rows);
      }
      if (sql.startsWith("CREATE TABLE IF NOT EXISTS ")) {
        if (!autoCommit) {
          commit();
        }
        if (sql.contains("\"CONNECTOR\"")) {
          account.offsetTables.putIfAbsent(table, new HashMap<>());
        } else if (!account.tables.containsKey(table)) {
          Map<String, String> columns = new java.util.LinkedHashMap<>();
          columns.put("RECORD_METADATA", "VARIANT");
          columns.put("RECORD_CONTENT", "VARIANT");
          account.tables.put(table, columns);
        }
        return 0;
      }
      Map<List<Object>, Long> offsets = account.offsetTables.get(table);
      Changes target = autoCommit ? new Changes() : changes;
      int count;
      if (sql.startsWith("UPDATE ")) {
        count = (int) offsets(table).keySet().stream().filter(k -> k.get(0).equals(values.get(0))).count();
      } else if (sql.startsWith("SELECT ")) {
        List<Object[]> rows = new ArrayList<>();
        offsets(table).forEach((key, offset) -> {
          if (key.get(0).equals(values.get(0))) {
            rows.add(new Object[] {key.get(1), key.get(2), offset});
          }
        });
        return resultSet(List.of("TOPIC", "PARTITION", "KAFKA_OFFSET"), rows);
      } else if (sql.startsWith("INSERT INTO ")) {
        if (!account.tables.containsKey(table)) {
          throw new SQLException("Table '" + table + "' does not exist or not authorized.", "42S02", 2003);
        }
        checkTuples(sql, values, 2);
        for (int i = 0; i < values.size(); i += 2) {
          checkJson((String) values.get(i));
          checkJson((String) values.get(i + 1));
          for (String marker : account.refusedMarkers) {
            if (((String) values.get(i + 1)).contains(marker)) {
              // A value the column cannot take, e.g. "Numeric value '…' is not recognized" (100038, 22018).
              throw new SQLException("Numeric value is not recognized", "22018", 100038);
            }
          }
          target.rows.add(new FakeSnowflake.StoredRow(lastIdentifier(table), (String) values.get(i),
              (String) values.get(i + 1)));
        }
        count = values.size() / 2;
      } else if (sql.startsWith("MERGE INTO ")) {
        checkTuples(sql, values, 4);
        for (int i = 0; i < values.size(); i += 4) {
          target.offsets.computeIfAbsent(table, t -> new HashMap<>())
              .put(List.of(values.get(i), values.get(i + 1), values.get(i + 2)), (Long) values.get(i + 3));
        }
        count = values.size() / 4;
      } else if (sql.startsWith("DELETE FROM ")) {
        target.offsets.computeIfAbsent(table, t -> new HashMap<>()).put(List.copyOf(values), null);
        count = 1;
      } else {
        throw new SQLException("FakeJdbc does not understand: " + sql);
      }
      if (offsets == null && (sql.startsWith("MERGE") || sql.startsWith("DELETE") || sql.startsWith("UPDATE"))) {
        throw new SQLException("Table '" + table + "' does not exist or not authorized.", "42S02", 2003);
      }
      if (autoCommit) {
        target.applyTo(account);
      }
      return count;
    }

    /** The committed offsets overlaid with this transaction's own changes. */
    private Map<List<Object>, Long> offsets(String table) throws SQLException {
      Map<List<Object>, Long> stored = account.offsetTables.get(table);
      if (stored == null) {
        throw new SQLException("Table '" + table + "' does not exist or not authorized.", "42S02", 2003);
      }
      Map<List<Object>, Long> view = new HashMap<>(stored);
      changes.offsets.getOrDefault(table, Map.of()).forEach((key, value) -> {
        if (value == null) {
          view.remove(key);
        } else {
          view.put(key, value);
        }
      });
      return view;
    }
  }

  private static void checkTuples(String sql, List<Object> values, int width) throws SQLException {
    String tuple = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
    int tuples = sql.split(Pattern.quote(tuple), -1).length - 1;
    if (tuples * width != values.size()) {
      throw new SQLException("bind count " + values.size() + " does not match " + tuples + " tuples");
    }
  }

  /**
   * PARSE_JSON(text) as Snowflake documents it (https://docs.snowflake.com/en/sql-reference/functions/parse_json):
   * invalid JSON and, without the 'd' parameter, a repeated key in an object fail the statement with
   * "Error parsing JSON" (100069, SQLSTATE 22000); a VARIANT holds at most 16 MB
   * (https://docs.snowflake.com/en/sql-reference/data-types-semistructured#characteristics-of-a-variant).
   * The text is stored as given: numbers of up to 38 digits stay exact NUMBERs.
   */
  private static void checkJson(String text) throws SQLException {
    try {
      STRICT.readTree(text);
    } catch (IOException e) {
      String what = String.valueOf(e.getMessage()).contains("Duplicate field") ? "duplicate object attribute"
          : e.getClass().getSimpleName();
      throw new SQLException("Error parsing JSON: " + what, "22000", 100069);
    }
    if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 16 * 1024 * 1024) {
      throw new SQLException("Max LOB size (16777216) exceeded", "22000", 100082);
    }
  }

  private static String qualifiedAfter(String sql) {
    Matcher m = Pattern.compile("(\"[^\"]+\"\\.\"[^\"]+\"\\.\"[^\"]+\")").matcher(sql);
    return m.find() ? m.group(1) : "";
  }

  private static String lastIdentifier(String qualified) {
    Matcher m = LAST_IDENTIFIER.matcher(qualified);
    return m.find() ? m.group(1) : qualified;
  }

  private static final class StatementHandler implements InvocationHandler {
    private final ConnectionHandler connection;
    private final String sql;
    private final Map<Integer, Object> binds = new HashMap<>();
    private Object result;

    StatementHandler(ConnectionHandler connection, String sql) {
      this.connection = connection;
      this.sql = sql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "setString", "setInt", "setLong":
          binds.put((Integer) args[0], args[1]);
          return null;
        case "execute", "executeQuery", "executeUpdate":
          result = connection.run(args == null ? sql : (String) args[0], binds);
          binds.clear();
          if (name.equals("executeQuery")) {
            return result;
          }
          return name.equals("execute") ? result instanceof ResultSet : (Integer) result;
        case "getResultSet":
          return result instanceof ResultSet ? result : null;
        case "close":
          return null;
        case "toString":
          return "FakeJdbcStatement";
        default:
          throw new UnsupportedOperationException("FakeJdbc: Statement." + name);
      }
    }
  }

  private static ResultSet resultSet(List<String> columns, List<Object[]> rows) {
    int[] cursor = {-1};
    return proxy(ResultSet.class, (proxy, method, args) -> {
      switch (method.getName()) {
        case "next":
          return ++cursor[0] < rows.size();
        case "getString":
          return String.valueOf(value(columns, rows.get(cursor[0]), args[0]));
        case "getInt":
          return ((Number) value(columns, rows.get(cursor[0]), args[0])).intValue();
        case "getLong":
          return ((Number) value(columns, rows.get(cursor[0]), args[0])).longValue();
        case "close":
          return null;
        default:
          throw new UnsupportedOperationException("FakeJdbc: ResultSet." + method.getName());
      }
    });
  }

  private static Object value(List<String> columns, Object[] row, Object column) {
    int index = column instanceof Integer i ? i - 1 : columns.indexOf(column.toString());
    return row[index];
  }
}
