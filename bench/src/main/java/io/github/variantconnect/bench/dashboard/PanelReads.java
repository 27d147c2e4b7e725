package io.github.variantconnect.bench.dashboard;

import io.github.variantconnect.quickstart.dashboard.DashboardQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One dashboard round as the quickstart's dashboard runs it: a read-only connection to the file,
 * every panel's query read to the last row, the connection closed. The time is how long the
 * round keeps the sink from flushing.
 */
final class PanelReads {

  private PanelReads() {}

  /** Milliseconds for one round over the views of {@code schema} ({@code main}: the mirror). */
  static double roundMillis(Path file, String schema) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
        Statement statement = connection.createStatement()) {
      statement.execute("SET search_path = '" + schema + "'");
      for (DashboardQuery query : DashboardQuery.values()) {
        try (ResultSet rs = statement.executeQuery(query.sql())) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      }
    }
    return (System.nanoTime() - started) / 1e6;
  }
}
