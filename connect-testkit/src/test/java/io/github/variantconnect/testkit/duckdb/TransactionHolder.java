package io.github.variantconnect.testkit.duckdb;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Another OS process writing a DuckDB file, as the sink does: commits three rows to table T, then
 * opens a transaction with two more and says "open". On the line "rollback" from standard input it
 * aborts that transaction and says "rolled back"; on "close" it lets go of the file. A test may
 * also kill it while the transaction is open.
 */
public final class TransactionHolder {

  private TransactionHolder() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE T (id INTEGER)");
      statement.execute("INSERT INTO T VALUES (1), (2), (3)");
      connection.setAutoCommit(false);
      statement.execute("INSERT INTO T VALUES (4), (5)");
      say("open");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("rollback")) {
          connection.rollback();
          say("rolled back");
        } else if (line.equals("close")) {
          break;
        }
      }
    }
    say("closed");
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
