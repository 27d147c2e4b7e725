package io.github.variantconnect.bench.memory;

import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.core.SinkWriter;
import io.github.variantconnect.sink.errors.RecordErrors;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The sink's memory budget under many partitions: the sink's own writer (conversion, buffers, the
 * background write) fed bursts over 1,000 partitions, far more than {@code buffer.memory.bytes}, with
 * per-partition limits and flush time too high to ever write. Runs in a JVM of its own so the live
 * heap it reports (after a full collection, taken while a batch is written) is the writer's alone.
 */
public final class MemoryBudgetRun {

  private static final String COMMAND =
      "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=memory";
  private static final int PARTITIONS = 1_000;
  private static final int RECORDS_PER_PUT = 500;
  private static final long BUDGET = 32L << 20;
  /** One put's records, the writer's structures, the JVM's own: what may come on top of the budget. */
  private static final long CONSTANT = 32L << 20;
  private static final String PAD = "x".repeat(900);

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
    long expected = (long) PARTITIONS * bursts * 100;
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
          "-Xmx512m", "-XX:+UseG1GC", "-cp", classpath, MemoryBudgetRun.class.getName(), Integer.toString(bursts))
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

  /** Prints "rows gaps peakBufferedBytes heapBeforeBytes mostLiveHeapBytes". */
  public static void main(String[] args) {
    int bursts = Integer.parseInt(args[0]);
    Set<TopicPartition> partitions = new LinkedHashSet<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new TopicPartition("burst", p));
    }
    Map<String, String> props = new HashMap<>(Map.of("name", "memory-bench", "duckdb.path", "/tmp/unused.duckdb",
        "buffer.count.records", "10000000", "buffer.size.bytes", Long.toString(1L << 31),
        "buffer.flush.time", "86400", "buffer.memory.bytes", Long.toString(BUDGET)));
    VariantSinkConfig config = new VariantSinkConfig(props);
    CountingTarget target = new CountingTarget(MemoryBudgetRun::liveHeap);
    ExecutorService writeThread = Executors.newSingleThreadExecutor();
    long[] clock = {1_000_000};
    SinkMetrics metrics = new SinkMetrics("memory-bench", 0);
    SinkWriter writer = new SinkWriter(config, target, new BurstContext(partitions), new RecordErrors(false, null),
        metrics, () -> clock[0], writeThread);
    writer.open(partitions);
    long heapBefore = liveHeap();
    long[] next = new long[PARTITIONS];
    List<SinkRecord> put = new ArrayList<>(RECORDS_PER_PUT);
    for (int burst = 0; burst < bursts; burst++) {
      for (int p = 0; p < PARTITIONS; p++) {
        for (int i = 0; i < 100; i++) {
          String value = "{\"p\":" + p + ",\"o\":" + next[p] + ",\"pad\":\"" + PAD + "\"}";
          put.add(new SinkRecord("burst", p, Schema.STRING_SCHEMA, "k", null, value, next[p]++, 1_700_000_000_000L,
              TimestampType.CREATE_TIME));
          if (put.size() == RECORDS_PER_PUT) {
            writer.put(put);
            put = new ArrayList<>(RECORDS_PER_PUT);
          }
        }
      }
    }
    writer.put(put);
    clock[0] += 86_400_001L;
    writer.put(List.of());
    writer.preCommit();
    System.out.println(target.rows() + " " + target.gaps() + " " + writer.memory().peak() + " " + heapBefore + " "
        + target.mostLiveHeap());
    writer.stop();
    metrics.close();
    writeThread.shutdownNow();
  }

  private static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
