package io.github.variantconnect.bench.memory;

import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.report.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The sink's memory budget under many partitions: the sink's own writer (conversion, buffers, the
 * background write) fed bursts over 1,000 partitions, far more than {@code buffer.memory.bytes}, with
 * per-partition limits and flush time too high to ever write. Runs in a JVM of its own so the live
 * heap it reports (after a full collection, taken while a batch is written) is the writer's alone:
 * {@link MemoryBudgetChild}, on the classpath that holds the sink (this JVM's must not).
 */
public final class MemoryBudgetRun {

  private static final String COMMAND =
      "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=memory";
  static final int PARTITIONS = 1_000;
  static final int RECORDS_PER_BURST = 100;
  private static final long BUDGET = 32L << 20;
  /** One put's records, the writer's structures, the JVM's own: what may come on top of the budget. */
  private static final long CONSTANT = 32L << 20;

  private MemoryBudgetRun() {}

  /** Runs {@link #main} in a child JVM and turns its one line of figures into a result row. */
  public static List<Result> run(BenchOptions options) {
    int bursts = options.smoke() ? 2 : 10;
    String line = child(options.jmhClasspath(), bursts);
    String[] f = line.trim().split(" ");
    long rows = Long.parseLong(f[0]);
    long gaps = Long.parseLong(f[1]);
    long peakBuffered = Long.parseLong(f[2]);
    long heapBase = Long.parseLong(f[3]);
    long heapMost = Long.parseLong(f[4]);
    long expected = (long) PARTITIONS * bursts * RECORDS_PER_BURST;
    if (rows != expected || gaps != 0) {
      throw new IllegalStateException("memory run wrote " + rows + " rows with " + gaps + " gaps, expected " + expected);
    }
    double inUseMb = (heapMost - heapBase) / 1048576.0;
    return List.of(Result.figure("Sink memory budget: " + PARTITIONS + " partitions, bursts, buffer.memory.bytes="
            + (BUDGET >> 20) + " MiB", "heap in use ≤ budget + " + (CONSTANT >> 20) + " MiB", inUseMb, "MB in use",
        heapMost - heapBase <= BUDGET + CONSTANT, COMMAND,
        String.format("%d bursts of 100 records (≈ 1 KB) per partition, %,d rows (%,.0f MB of JSON) written exactly"
                + " once; most buffered %.1f MiB; live heap after a full GC while batches were written, above the"
                + " %.0f MB before the first record", bursts, rows, rows * 1.0e3 / 1e6, peakBuffered / 1048576.0,
            heapBase / 1048576.0)));
  }

  private static String child(String classpath, int bursts) {
    try {
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-XX:+UseG1GC", "-cp", classpath, MemoryBudgetChild.class.getName(), Integer.toString(bursts),
          Long.toString(BUDGET))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      String last = null;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = out.readLine(); l != null; l = out.readLine()) {
          last = l;
        }
      }
      if (process.waitFor() != 0 || last == null) {
        throw new IllegalStateException("memory run exited with " + process.exitValue());
      }
      return last;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run the memory benchmark", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
