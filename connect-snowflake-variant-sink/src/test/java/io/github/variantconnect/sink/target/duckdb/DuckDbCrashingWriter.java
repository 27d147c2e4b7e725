package io.github.variantconnect.sink.target.duckdb;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A second OS process that writes batches through the DuckDB target as the sink does and then
 * dies the way a killed worker does: the JVM halts, DuckDB never shuts down, nothing is closed.
 * Arguments: file, first offset, rows per batch, and where the last batch dies — {@code close}
 * (after its commit) or {@code commit} (before it). Batches before the last are written normally.
 */
public final class DuckDbCrashingWriter {

  static final TopicPartition PARTITION = new TopicPartition("t", 0);
  static final String TABLE = "T";
  static final String CONNECTOR = "crashing";

  private DuckDbCrashingWriter() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long from = Long.parseLong(args[1]);
    int rows = Integer.parseInt(args[2]);
    String dieAt = args[3];
    DuckDbConfig config = new DuckDbConfig(Map.of("duckdb.path", file.toString()));
    DuckDbTarget target = new DuckDbTarget(config, CONNECTOR, DuckDbFiles.DUCKDB);
    target.open(List.of(PARTITION));
    target.write(TestBatches.batch(PARTITION, TABLE, from, rows));
    DuckDbTarget dying = new DuckDbTarget(config, CONNECTOR, f -> haltOn(dieAt, DuckDbFiles.DUCKDB.open(f)));
    dying.write(TestBatches.batch(PARTITION, TABLE, from + rows, rows));
    System.exit(3);
  }

  private static Connection haltOn(String method, Connection real) {
    return (Connection) Proxy.newProxyInstance(DuckDbCrashingWriter.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, m, args) -> {
          if (m.getName().equals(method)) {
            System.out.flush();
            Runtime.getRuntime().halt(9);
          }
          try {
            return m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Runs the writer with this JVM's test classpath and returns its exit code. */
  static int run(Path file, long from, int rows, String dieAt) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(launcher, "-Xmx128m", "-cp", classpath, DuckDbCrashingWriter.class.getName(),
        file.toString(), Long.toString(from), Integer.toString(rows), dieAt).inheritIO().start();
    return process.waitFor();
  }
}
