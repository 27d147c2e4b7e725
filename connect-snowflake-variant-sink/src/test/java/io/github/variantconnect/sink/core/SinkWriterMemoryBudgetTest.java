package io.github.variantconnect.sink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.sink.FakeSinkTaskContext;
import io.github.variantconnect.sink.Records;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.errors.RecordErrors;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * buffer.memory.bytes with 1,000 partitions receiving bursts: per-partition limits and the flush
 * time are set so high that only the budget can cause a write, and a burst carries several times
 * the budget. Buffered bytes and the heap in use stay within the budget plus a constant, and every
 * record reaches the target exactly once.
 */
class SinkWriterMemoryBudgetTest {

  private static final int PARTITIONS = 1_000;
  private static final int BURSTS = 6;
  private static final int RECORDS_PER_PARTITION_PER_BURST = 20;
  /** What one put() delivers, as max.poll.records does. */
  private static final int RECORDS_PER_PUT = 500;
  private static final long BUDGET = 16L << 20;
  private static final String PAD = "x".repeat(900);
  /** One put's records (≈ 0.5 MB of text), the writer's own structures and measurement noise. */
  private static final long HEAP_CONSTANT = 24L << 20;

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final ExecutorService writeThread = Executors.newSingleThreadExecutor();
  private final List<SinkMetrics> metrics = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    writeThread.shutdownNow();
    metrics.forEach(SinkMetrics::close);
  }

  @Test
  void thousandPartitionsOfBurstsStayWithinTheBudgetAndLoseNothing() {
    CountingTarget target = new CountingTarget();
    SinkWriter writer = openWriter(target, BUDGET);
    long heapBefore = liveHeap();
    target.sampleHeapEvery = 1;

    long[] next = new long[PARTITIONS];
    long maxRowSize = 0;
    long mostBuffered = 0;
    List<SinkRecord> put = new ArrayList<>(RECORDS_PER_PUT);
    for (int burst = 0; burst < BURSTS; burst++) {
      for (int p = 0; p < PARTITIONS; p++) {
        for (int i = 0; i < RECORDS_PER_PARTITION_PER_BURST; i++) {
          put.add(Records.json("burst", p, next[p], "{\"p\":" + p + ",\"o\":" + next[p] + ",\"pad\":\"" + PAD + "\"}"));
          next[p]++;
          if (put.size() == RECORDS_PER_PUT) {
            writer.put(put);
            put = new ArrayList<>(RECORDS_PER_PUT);
            mostBuffered = Math.max(mostBuffered, writer.memory().used());
          }
        }
      }
      maxRowSize = Math.max(maxRowSize, target.maxRowSize);
    }
    writer.put(put);
    // The flush time passes: everything still buffered is written, and the commit waits for it.
    clock.addAndGet(86_400_000L + 1);
    writer.put(List.of());
    Map<TopicPartition, OffsetAndMetadata> committed = writer.preCommit();

    long total = (long) PARTITIONS * BURSTS * RECORDS_PER_PARTITION_PER_BURST;
    assertThat(total * PAD.length()).as("a burst carries several budgets").isGreaterThan(5 * BUDGET);
    assertThat(target.problems).isEmpty();
    assertThat(target.rows.get()).isEqualTo(total);
    assertThat(committed).hasSize(PARTITIONS);
    committed.forEach((tp, offset) -> assertThat(offset.offset()).isEqualTo(next[tp.partition()]));
    assertThat(target.writes.get()).as("written early, many times").isGreaterThan(5);
    // The buffers never held more than the budget and the one record that reached it.
    assertThat(writer.memory().peak()).isLessThanOrEqualTo(BUDGET + maxRowSize);
    assertThat(mostBuffered).isLessThanOrEqualTo(BUDGET + maxRowSize);
    assertThat(writer.memory().used()).isZero();
    // Heap after a full collection, sampled while batches were being written (buffers at their fullest):
    // the budget's characters are Latin-1 bytes, plus ≈ 15 % of row and string headers.
    assertThat(target.samples.get()).isGreaterThan(2);
    assertThat(target.mostLiveHeap - heapBefore).isLessThan(BUDGET * 115 / 100 + HEAP_CONSTANT);
  }

  @Test
  void withoutTheBudgetTheSameBurstsWouldHaveBeenBufferedWhole() {
    // The control: a budget beyond the bursts lets the buffers grow with them, so the limit above is
    // what keeps them small.
    CountingTarget target = new CountingTarget();
    SinkWriter writer = openWriter(target, 1L << 40);
    List<SinkRecord> put = new ArrayList<>();
    long offset = 0;
    for (int burst = 0; burst < BURSTS; burst++) {
      for (int p = 0; p < PARTITIONS; p++) {
        for (int i = 0; i < RECORDS_PER_PARTITION_PER_BURST; i++) {
          put.add(Records.json("burst", p, offset + i, "{\"p\":" + p + ",\"pad\":\"" + PAD + "\"}"));
        }
        if (put.size() >= RECORDS_PER_PUT) {
          writer.put(put);
          put = new ArrayList<>();
        }
      }
      offset += RECORDS_PER_PARTITION_PER_BURST;
    }
    writer.put(put);

    assertThat(target.writes.get()).isZero();
    assertThat(writer.memory().used()).isGreaterThan(5 * BUDGET);
  }

  /** A writer with 1,000 partitions assigned and opened. */
  private SinkWriter openWriter(Target target, long budget) {
    FakeSinkTaskContext context = new FakeSinkTaskContext();
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new TopicPartition("burst", p));
    }
    context.assignment.addAll(partitions);
    SinkWriter writer = writer(target, context, budget);
    writer.open(partitions);
    return writer;
  }

  private SinkWriter writer(Target target, FakeSinkTaskContext context, long budget) {
    Map<String, String> props = new HashMap<>(Map.of(
        "name", "budget-test", "duckdb.path", "/tmp/unused.duckdb",
        "buffer.count.records", "10000000", "buffer.size.bytes", Long.toString(1L << 31),
        "buffer.flush.time", "86400", "buffer.memory.bytes", Long.toString(budget)));
    VariantSinkConfig config = new VariantSinkConfig(props);
    SinkMetrics m = new SinkMetrics("budget-test-" + metrics.size(), 0);
    metrics.add(m);
    return new SinkWriter(config, target, context, new RecordErrors(false, null), m, clock::get, writeThread);
  }

  private static long liveHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /**
   * Keeps no rows, only what proves exactly-once: the next offset per partition (each row must be
   * that one). Every few writes it measures the live heap while the batch is being written.
   */
  private static final class CountingTarget implements Target {
    final Map<TopicPartition, Long> nextOffset = new ConcurrentHashMap<>();
    final List<String> problems = new ArrayList<>();
    final AtomicLong rows = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    final AtomicLong samples = new AtomicLong();
    volatile int sampleHeapEvery;
    volatile long mostLiveHeap;
    volatile long maxRowSize;

    @Override
    public long maxContentBytes() {
      return Long.MAX_VALUE;
    }

    @Override
    public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) {
      return Map.of();
    }

    @Override
    public void write(Batch batch) {
      for (PartitionBatch slice : batch.partitions()) {
        long expected = nextOffset.getOrDefault(slice.partition(), 0L);
        for (Row row : slice.rows()) {
          if (row.offset() != expected) {
            problems.add(slice.partition() + ": row at " + row.offset() + ", expected " + expected);
          }
          expected = row.offset() + 1;
          maxRowSize = Math.max(maxRowSize, row.size());
          rows.incrementAndGet();
        }
        nextOffset.put(slice.partition(), slice.lastOffset() + 1);
      }
      long n = writes.incrementAndGet();
      if (sampleHeapEvery > 0 && n % sampleHeapEvery == 0) {
        mostLiveHeap = Math.max(mostLiveHeap, liveHeap());
        samples.incrementAndGet();
      }
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
      Map<TopicPartition, Long> committed = new HashMap<>();
      partitions.forEach(tp -> {
        Long next = nextOffset.get(tp);
        if (next != null) {
          committed.put(tp, next - 1);
        }
      });
      return committed;
    }

    @Override
    public void resetOffsets(Map<TopicPartition, Long> nextOffsets) {}

    @Override
    public void close(Collection<TopicPartition> partitions) {}

    @Override
    public void close() {}
  }
}
