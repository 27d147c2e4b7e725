package io.github.variantconnect.quickstart.snowflake;

import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * A JDBC-level fake of the Snowflake driver for the queries the dashboard sends. Answers come from
 * real DuckDB running the same text over the views of {@code sql/duckdb}, which create the same
 * objects and columns as {@code sql/snowflake} (the panels' texts are shared by both engines).
 * What this class adds is what Snowflake and its driver (snowflake-jdbc 3.26.1, the release the
 * quickstart uses) do differently, each behaviour modelled from the cited source or document.
 * Whatever it does not model throws, so code that relies on more fails here first.
 */
public final class FakeSnowflakeDriver implements SnowflakePanelSource.Driver {

  /*
   * Interval constants are quoted strings: INTERVAL '1 hour', never INTERVAL 1 HOUR
   * (https://docs.snowflake.com/en/sql-reference/data-types-datetime#interval-constants).
   */
  private static final Pattern UNQUOTED_INTERVAL = Pattern.compile("(?i)\\bINTERVAL\\s+[0-9]");
  private static final Pattern SESSION_QUERY = Pattern.compile("(?is)SELECT\\s+CURRENT_DATABASE\\(\\).*");

  private final DuckDbFile answers;
  public final List<Properties> logins = new CopyOnWriteArrayList<>();
  public final List<String> statements = new CopyOnWriteArrayList<>();
  public final List<Connection> sessions = new CopyOnWriteArrayList<>();
  public volatile SQLException loginFailure;
  public volatile boolean unreachable;
  public volatile boolean schemaMissing;
  public volatile boolean loginInterrupted;
  private volatile boolean expired;

  public FakeSnowflakeDriver(DuckDbFile answers) {
    this.answers = answers;
  }

  /** Ends every open session, as Snowflake does after its idle timeout. */
  public void expireSessions() {
    expired = true;
  }

  @Override
  public Connection connect(String url, Properties properties) throws SQLException {
    Properties copy = new Properties();
    copy.putAll(properties);
    logins.add(copy);
    if (unreachable) {
      // An account that never answers: the driver keeps retrying its login request (SessionUtil#newSession).
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        loginInterrupted = true;
        throw new SQLException("login interrupted", e);
      }
    }
    if (loginFailure != null) {
      throw loginFailure;
    }
    // SFSession#addSFSessionProperty: the "privateKey" property must be a java.security.PrivateKey.
    if (!(properties.get("privateKey") instanceof PrivateKey)) {
      throw new SQLException("Invalid parameter value type: privateKey", "22023", 200015);
    }
    if (properties.getProperty("user") == null) {
      throw new SQLException("Missing user name.", "08001", 200011);
    }
    expired = false;
    Session session = new Session(properties);
    Connection connection = proxy(Connection.class, session::connection);
    sessions.add(connection);
    return connection;
  }

  /** One login's session. */
  private final class Session {
    private final Properties properties;
    private boolean closed;

    Session(Properties properties) {
      this.properties = properties;
    }

    Object connection(String method, Object[] args) throws SQLException {
      switch (method) {
        case "createStatement":
          requireOpen();
          return proxy(Statement.class, (m, a) -> statement(m, a));
        // SnowflakeConnectionV1#isValid: false once closed or when the heartbeat fails.
        case "isValid":
          return !closed && !expired;
        case "isClosed":
          return closed;
        case "close":
          closed = true;
          return null;
        default:
          throw new UnsupportedOperationException("Connection." + method + " is not modelled by the fake");
      }
    }

    private Object statement(String method, Object[] args) throws SQLException {
      switch (method) {
        case "executeQuery":
          return executeQuery((String) args[0]);
        case "setQueryTimeout":
        case "close":
          return null;
        default:
          throw new UnsupportedOperationException("Statement." + method + " is not modelled by the fake");
      }
    }

    private void requireOpen() throws SQLException {
      if (closed) {
        throw new SQLException("Connection is closed", "08003", 200003);
      }
    }

    private ResultSet executeQuery(String sql) throws SQLException {
      statements.add(sql);
      requireOpen();
      if (expired) {
        // Error 390114 (https://docs.snowflake.com/en/user-guide/session-policies): the session has ended.
        throw new SQLException("Authentication token has expired.  The user must authenticate again.", "08001",
            390114);
      }
      checkSyntax(sql);
      if (SESSION_QUERY.matcher(sql.strip()).matches()) {
        // CURRENT_DATABASE/SCHEMA/WAREHOUSE return NULL when the session has none in use, e.g. when
        // the login named one that does not exist or the role cannot use
        // (https://docs.snowflake.com/en/sql-reference/functions/current_schema).
        List<Column> columns = List.of(new Column("CURRENT_DATABASE()", Types.VARCHAR),
            new Column("CURRENT_SCHEMA()", Types.VARCHAR), new Column("CURRENT_WAREHOUSE()", Types.VARCHAR));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {properties.getProperty("db"), schemaMissing ? null : properties.getProperty("schema"),
            properties.getProperty("warehouse")});
        return results(columns, rows, properties);
      }
      try {
        return answers.read(Duration.ofSeconds(5), c -> {
          try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return snowflakeTyped(rs, properties);
          }
        });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted", e);
      }
    }
  }

  private static void checkSyntax(String sql) throws SQLException {
    if (UNQUOTED_INTERVAL.matcher(sql).find()) {
      throw new SQLException("SQL compilation error: syntax error: an interval constant must be a quoted string",
          "42000", 1003);
    }
    try {
      CCJSqlParserUtil.parse(sql);
    } catch (JSQLParserException e) {
      throw new SQLException("SQL compilation error: " + e.getMessage(), "42000", 1003);
    }
  }

  /** A column as the driver describes it. */
  private record Column(String label, int type) {}

  /**
   * DuckDB's answer retyped as Snowflake would type the same view columns, read into memory. Labels
   * are upper case: unquoted identifiers resolve to upper case
   * (https://docs.snowflake.com/en/sql-reference/identifiers-syntax#label-identifier-casing).
   */
  private static ResultSet snowflakeTyped(ResultSet rs, Properties session) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(new Column(meta.getColumnLabel(i).toUpperCase(Locale.ROOT), snowflakeType(meta, i)));
    }
    List<Object[]> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = rs.getObject(i + 1) == null ? null : value(rs, i + 1, columns.get(i).type());
      }
      rows.add(row);
    }
    return results(columns, rows, session);
  }

  /**
   * SnowflakeUtil#extractColumnMetadata: NUMBER of scale 0 is BIGINT (JDBC_TREAT_DECIMAL_AS_INT
   * defaults to true), other NUMBERs DECIMAL, FLOAT is DOUBLE, TIMESTAMP_NTZ is TIMESTAMP.
   */
  private static int snowflakeType(ResultSetMetaData meta, int column) throws SQLException {
    String name = meta.getColumnTypeName(column).toUpperCase(Locale.ROOT);
    return switch (name.replaceAll("\\(.*", "")) {
      case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UBIGINT", "UINTEGER" -> Types.BIGINT;
      case "DECIMAL" -> meta.getScale(column) == 0 ? Types.BIGINT : Types.DECIMAL;
      case "DOUBLE", "FLOAT", "REAL" -> Types.DOUBLE;
      case "VARCHAR" -> Types.VARCHAR;
      case "BOOLEAN" -> Types.BOOLEAN;
      case "TIMESTAMP" -> Types.TIMESTAMP;
      case "DATE" -> Types.DATE;
      default -> throw new UnsupportedOperationException("column type " + name + " is not modelled by the fake");
    };
  }

  /** SFJsonResultSet#getObject: BIGINT as Long (BigDecimal beyond its range), DECIMAL as BigDecimal. */
  private static Object value(ResultSet rs, int column, int type) throws SQLException {
    return switch (type) {
      case Types.BIGINT -> {
        BigInteger value = new BigDecimal(rs.getObject(column).toString()).toBigIntegerExact();
        yield value.bitLength() < 64 ? (Object) value.longValueExact() : new BigDecimal(value);
      }
      case Types.DECIMAL -> rs.getBigDecimal(column);
      case Types.DOUBLE -> rs.getDouble(column);
      case Types.VARCHAR -> rs.getString(column);
      case Types.BOOLEAN -> rs.getBoolean(column);
      case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
      case Types.DATE -> rs.getObject(column, LocalDate.class);
      default -> throw new IllegalStateException("unmapped type " + type);
    };
  }

  private static ResultSet results(List<Column> columns, List<Object[]> rows, Properties session) {
    ResultSetMetaData meta = proxy(ResultSetMetaData.class, (method, args) -> switch (method) {
      case "getColumnCount" -> columns.size();
      case "getColumnLabel", "getColumnName" -> columns.get((int) args[0] - 1).label();
      case "getColumnType" -> columns.get((int) args[0] - 1).type();
      default -> throw new UnsupportedOperationException("ResultSetMetaData." + method + " is not modelled by the fake");
    });
    int[] position = {-1};
    return proxy(ResultSet.class, (method, args) -> {
      switch (method) {
        case "next":
          return ++position[0] < rows.size();
        case "getMetaData":
          return meta;
        case "close":
          return null;
        default:
          break;
      }
      int column = (int) args[0];
      Object value = rows.get(position[0])[column - 1];
      int type = columns.get(column - 1).type();
      return switch (method) {
        case "getObject" -> args.length == 1 ? plainObject(value, type) : typedObject(value, type, (Class<?>) args[1]);
        case "getString" -> string(value, type, session);
        // DateTimeConverter#getTimestamp: a TIMESTAMP_NTZ's wall-clock time is placed in the
        // calendar's zone, or the JVM's default zone without one (honorClientTZForTimestampNTZ).
        case "getTimestamp" -> value == null ? null : args.length == 1
            ? Timestamp.valueOf((LocalDateTime) value)
            : Timestamp.from(((LocalDateTime) value).atZone(((Calendar) args[1]).getTimeZone().toZoneId()).toInstant());
        default -> throw new UnsupportedOperationException("ResultSet." + method + " is not modelled by the fake");
      };
    });
  }

  /** SFJsonResultSet#getObject: timestamps as java.sql.Timestamp in the JVM's zone, dates as java.sql.Date. */
  private static Object plainObject(Object value, int type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case Types.TIMESTAMP -> Timestamp.valueOf((LocalDateTime) value);
      case Types.DATE -> java.sql.Date.valueOf((LocalDate) value);
      default -> value;
    };
  }

  /**
   * SnowflakeBaseResultSet#getObject(int, Class): String, Boolean, the number classes, Date, Time,
   * Timestamp and BigDecimal only; java.time classes are refused.
   */
  private static Object typedObject(Object value, int type, Class<?> wanted) throws SQLException {
    if (wanted == String.class) {
      return value == null ? null : value.toString();
    }
    if (wanted == Timestamp.class || wanted == java.sql.Date.class || wanted == Long.class
        || wanted == Double.class || wanted == BigDecimal.class || wanted == Boolean.class) {
      return wanted.cast(plainObject(value, type));
    }
    throw new SQLException("Type passed to 'getObject(int columnIndex,Class<T> type)' is unsupported. Type: "
        + wanted.getName());
  }

  /** Dates as text follow DATE_OUTPUT_FORMAT (https://docs.snowflake.com/en/sql-reference/parameters#date-output-format). */
  private static String string(Object value, int type, Properties session) {
    if (value == null) {
      return null;
    }
    if (type == Types.DATE) {
      String format = session.getProperty("DATE_OUTPUT_FORMAT", "YYYY-MM-DD");
      if (!format.equals("YYYY-MM-DD")) {
        throw new UnsupportedOperationException("DATE_OUTPUT_FORMAT " + format + " is not modelled by the fake");
      }
      return value.toString();
    }
    return value.toString();
  }

  /** Calls of one JDBC interface, by method name. */
  @FunctionalInterface
  private interface Calls {
    Object call(String method, Object[] args) throws SQLException;
  }

  private static <T> T proxy(Class<T> type, Calls calls) {
    InvocationHandler handler = (self, method, args) -> switch (method.getName()) {
      case "toString" -> "fake " + type.getSimpleName();
      case "hashCode" -> System.identityHashCode(self);
      case "equals" -> self == args[0];
      default -> calls.call(method.getName(), args == null ? new Object[0] : args);
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
