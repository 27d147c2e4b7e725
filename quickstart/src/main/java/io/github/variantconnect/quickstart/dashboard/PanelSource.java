package io.github.variantconnect.quickstart.dashboard;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the dashboard reads its panels: a database holding the views of {@code sql/duckdb} or
 * {@code sql/snowflake}, which share object and column names, so the panels' queries and the JSON
 * the page receives are the same whichever engine answers.
 */
public interface PanelSource extends AutoCloseable {

  /** Work done on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs one refresh round's {@code work} on a connection that sees the views. */
  <T> T read(Work<T> work) throws SQLException, InterruptedException;

  /** What the page shows when a whole round fails with {@code e}. */
  default String explain(SQLException e) {
    return e.getMessage();
  }

  /** For the start-up summary, e.g. {@code DuckDB file /data/variant.duckdb}; never a secret. */
  String description();

  @Override
  default void close() {}
}
