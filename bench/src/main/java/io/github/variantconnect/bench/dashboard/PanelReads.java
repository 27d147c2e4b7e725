package io.github.variantconnect.bench.dashboard;

import io.github.variantconnect.quickstart.dashboard.DashboardQuery;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One dashboard round as the quickstart's dashboard runs it: a read-only connection to the file,
 * every panel's query read to the last row, the connection closed. The time is how long the
 * round keeps the sink from flushing.
 */
final class PanelReads {

  private PanelReads() {}

  private static final Duration LOCK_PATIENCE = Duration.ofSeconds(30);

  /** Milliseconds for one round over the views of {@code schema} ({@code main}: the mirror). */
  static double roundMillis(Path file, String schema) throws SQLException, InterruptedException {
    return roundMillis(new DuckDbFile(file), schema);
  }

  static double roundMillis(DuckDbFile file, String schema) throws SQLException, InterruptedException {
    long started = System.nanoTime();
    file.read(LOCK_PATIENCE, connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET search_path = '" + schema + "'");
        for (DashboardQuery query : DashboardQuery.values()) {
          try (ResultSet rs = statement.executeQuery(query.sql())) {
            while (rs.next()) {
              rs.getObject(1);
            }
          }
        }
      }
      return null;
    });
    return (System.nanoTime() - started) / 1e6;
  }
}
