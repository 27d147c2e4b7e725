package io.github.variantconnect.sink.target.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * A second OS process that opens a DuckDB file read-only, prints the answer to one query, says
 * "holding", keeps the file open for a while and exits: what the DuckDB CLI or a dashboard does.
 * Arguments: file, query, milliseconds to hold.
 */
public final class DuckDbReaderProcess {

  private DuckDbReaderProcess() {}

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0], props);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(args[1])) {
      StringBuilder out = new StringBuilder("result");
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.append(' ').append(rs.getString(i));
        }
      }
      System.out.println(out);
      System.out.println("holding");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[2]));
    } catch (Exception e) {
      System.out.println("error " + e.getMessage());
      System.exit(2);
    }
  }

  /** Starts the reader with this JVM's test classpath. */
  public static Process start(String file, String query, long holdMs) throws java.io.IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(launcher, "-Xmx128m", "-cp", classpath, DuckDbReaderProcess.class.getName(), file, query,
        Long.toString(holdMs)).redirectErrorStream(true).start();
  }
}
