package io.github.variantconnect.sink.target.snowflake.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Session limits of the JDBC target's connections. Without them a transaction waiting for the
 * offsets table's lock (a second writer of the same connector) waits for LOCK_TIMEOUT's default of
 * 12 hours, and a statement runs up to STATEMENT_TIMEOUT_IN_SECONDS' default of 2 days
 * (https://docs.snowflake.com/en/sql-reference/parameters#lock-timeout,
 * https://docs.snowflake.com/en/sql-reference/parameters#statement-timeout-in-seconds). Past
 * either, Snowflake cancels the statement (errors 625 and 604), which the target retries.
 */
public record JdbcTimeouts(long lockTimeoutSeconds, long statementTimeoutSeconds) {

  public static final JdbcTimeouts DEFAULT = new JdbcTimeouts(60, 300);

  public JdbcTimeouts {
    if (lockTimeoutSeconds < 0 || statementTimeoutSeconds < 0) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
  }

  /** Sets both on a new connection's session. */
  void apply(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql());
    }
  }

  String sql() {
    return "ALTER SESSION SET LOCK_TIMEOUT = " + lockTimeoutSeconds + ", STATEMENT_TIMEOUT_IN_SECONDS = "
        + statementTimeoutSeconds;
  }
}
