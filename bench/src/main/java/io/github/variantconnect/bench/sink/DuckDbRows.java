package io.github.variantconnect.bench.sink;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Row counts of a DuckDB file, read-only, once its writer has let go of it. */
final class DuckDbRows {

  private DuckDbRows() {}

  static long count(Path file, String table) {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, props);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count " + table + " in " + file, e);
    }
  }
}
