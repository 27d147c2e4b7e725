package io.github.variantconnect.quickstart.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Another OS process writing a DuckDB file, as the sink in the Connect worker does: holds a
 * read-write connection for the given milliseconds, announcing on standard output when it holds
 * the file and just before it lets go.
 */
public final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
      connection.createStatement().execute("CREATE TABLE IF NOT EXISTS t (x INT)");
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]));
      // Said before the connection closes: a reader that got in has this line waiting for it.
      System.out.println("releasing");
      System.out.flush();
    }
    System.out.println("released");
  }
}
