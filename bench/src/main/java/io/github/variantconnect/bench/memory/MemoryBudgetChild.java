package io.github.variantconnect.bench.memory;

import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.core.SinkWriter;
import io.github.variantconnect.sink.errors.RecordErrors;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import java.lang.management.ManagementFactory;
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

/** The JVM {@link MemoryBudgetRun} starts: bursts into the sink's writer, figures on one line. */
public final class MemoryBudgetChild {

  private static final int RECORDS_PER_PUT = 500;
  private static final String PAD = "x".repeat(900);

  private MemoryBudgetChild() {}

  /** Prints "rows gaps peakBufferedBytes heapBeforeBytes mostLiveHeapBytes". */
  public static void main(String[] args) {
    int bursts = Integer.parseInt(args[0]);
    long budget = Long.parseLong(args[1]);
    Set<TopicPartition> partitions = new LinkedHashSet<>();
    for (int p = 0; p < MemoryBudgetRun.PARTITIONS; p++) {
      partitions.add(new TopicPartition("burst", p));
    }
    Map<String, String> props = new HashMap<>(Map.of("name", "memory-bench", "duckdb.path", "/tmp/unused.duckdb",
        "buffer.count.records", "10000000", "buffer.size.bytes", Long.toString(1L << 31),
        "buffer.flush.time", "86400", "buffer.memory.bytes", Long.toString(budget)));
    VariantSinkConfig config = new VariantSinkConfig(props);
    CountingTarget target = new CountingTarget(MemoryBudgetChild::liveHeap);
    ExecutorService writeThread = Executors.newSingleThreadExecutor();
    long[] clock = {1_000_000};
    SinkMetrics metrics = new SinkMetrics("memory-bench", 0);
    SinkWriter writer = new SinkWriter(config, target, new BurstContext(partitions), new RecordErrors(false, null),
        metrics, () -> clock[0], writeThread);
    writer.open(partitions);
    long heapBefore = liveHeap();
    long[] next = new long[MemoryBudgetRun.PARTITIONS];
    List<SinkRecord> put = new ArrayList<>(RECORDS_PER_PUT);
    for (int burst = 0; burst < bursts; burst++) {
      for (int p = 0; p < MemoryBudgetRun.PARTITIONS; p++) {
        for (int i = 0; i < MemoryBudgetRun.RECORDS_PER_BURST; i++) {
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
