package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.target.TargetException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes sure the tables rows go to exist with VARIANT columns RECORD_METADATA and RECORD_CONTENT,
 * creating missing ones. An existing table is described first, so a role that may insert but not
 * create tables works with tables an administrator made.
 */
public final class SnowflakeTables {

  /** "Object does not exist or not authorized". */
  private static final int DOES_NOT_EXIST = 2003;

  private final SnowflakeIdentifier database;
  private final SnowflakeIdentifier schema;
  private final Set<String> checked = new HashSet<>();

  public SnowflakeTables(SnowflakeIdentifier database, SnowflakeIdentifier schema) {
    this.database = database;
    this.schema = schema;
  }

  public String qualified(String table) {
    return SnowflakeSql.qualified(database, schema, SnowflakeIdentifier.of(table));
  }

  public SnowflakeIdentifier database() {
    return database;
  }

  public SnowflakeIdentifier schema() {
    return schema;
  }

  /** Ensures each table, on a connection of its own that is closed again (streaming needs JDBC only here). */
  public void ensure(JdbcConnector connector, Collection<String> tables) throws TargetException {
    Set<String> missing = new HashSet<>(tables);
    missing.removeAll(checked);
    if (missing.isEmpty()) {
      return;
    }
    try (Connection connection = connector.open()) {
      for (String table : missing) {
        ensure(connection, table);
      }
    } catch (SQLException e) {
      throw SnowflakeErrors.classify("creating tables " + missing + " in " + database + "." + schema, e);
    }
  }

  /** Ensures one table on the caller's connection. */
  public void ensure(Connection connection, String table) throws SQLException, TargetException {
    if (checked.contains(table)) {
      return;
    }
    String qualified = qualified(table);
    Map<String, String> columns = describe(connection, qualified);
    if (columns == null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(SnowflakeSql.createTable(qualified));
      }
      columns = describe(connection, qualified);
    }
    if (columns == null) {
      throw TargetException.fatal("table " + qualified + " was created but cannot be described", null);
    }
    for (String column : new String[] {SnowflakeSql.RECORD_METADATA, SnowflakeSql.RECORD_CONTENT}) {
      String type = columns.get(column);
      if (type == null || !type.toUpperCase(Locale.ROOT).startsWith("VARIANT")) {
        throw TargetException.fatal("table " + qualified + " has columns " + columns + "; the sink writes"
            + " RECORD_METADATA and RECORD_CONTENT, both VARIANT. Alter or rename the table, or route the topic"
            + " to another table with topic2table.map", null);
      }
    }
    checked.add(table);
  }

  /** Column name to type, or null when the table does not exist (or the role cannot see it). */
  private static Map<String, String> describe(Connection connection, String qualified) throws SQLException {
    Map<String, String> columns = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(SnowflakeSql.describeTable(qualified))) {
      while (rs.next()) {
        columns.put(rs.getString("name").toUpperCase(Locale.ROOT), rs.getString("type"));
      }
    } catch (SQLException e) {
      if (e.getErrorCode() == DOES_NOT_EXIST) {
        return null;
      }
      throw e;
    }
    return columns;
  }
}
