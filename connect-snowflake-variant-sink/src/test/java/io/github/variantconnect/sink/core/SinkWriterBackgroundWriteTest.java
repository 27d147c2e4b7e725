package io.github.variantconnect.sink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.sink.FakeSinkTaskContext;
import io.github.variantconnect.sink.InMemoryTarget;
import io.github.variantconnect.sink.Records;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.errors.RecordErrors;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.testkit.Awaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batches written on the write thread while the task thread goes on: put returns with a write in
 * flight and keeps converting, while commit and revocation wait for that write, so offsets are
 * reported only once written and a revoked partition is never written after close returns.
 */
class SinkWriterBackgroundWriteTest {

  private static final TopicPartition P0 = new TopicPartition("ats", 0);
  private static final TopicPartition P1 = new TopicPartition("ats", 1);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final ExecutorService writeThread = Executors.newSingleThreadExecutor();
  private final HeldTarget target = new HeldTarget();
  private final FakeSinkTaskContext context = new FakeSinkTaskContext();
  private SinkMetrics metrics;

  @AfterEach
  void cleanUp() {
    target.release.countDown();
    writeThread.shutdownNow();
    metrics.close();
  }

  private SinkWriter writer() {
    VariantSinkConfig config = new VariantSinkConfig(Map.of("name", "background-test", "duckdb.path",
        "/tmp/unused.duckdb", "buffer.count.records", "3", "buffer.flush.time", "2"));
    context.assignment.addAll(List.of(P0, P1));
    metrics = new SinkMetrics("background-test", 0);
    return new SinkWriter(config, target, context, new RecordErrors(false, null), metrics, clock::get, writeThread);
  }

  @Test
  void putReturnsWhileTheBatchIsWrittenAndTheNextRecordsAreBufferedMeanwhile() {
    SinkWriter writer = writer();
    writer.open(List.of(P0, P1));

    writer.put(records(P0, 0, 3));
    Awaits.until(WAIT, "the first batch being written", () -> target.held.get() != null);
    writer.put(records(P1, 0, 2));

    assertThat(target.events).containsExactly("write-start");
    assertThat(target.rows).isEmpty();
    target.release.countDown();
    Map<TopicPartition, OffsetAndMetadata> committed = writer.preCommit();
    assertThat(committed).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
    assertThat(target.rows).extracting(row -> row.offset()).containsExactly(0L, 1L, 2L);
  }

  @Test
  void commitWaitsForTheWriteInFlightAndReportsItsOffsets() throws Exception {
    SinkWriter writer = writer();
    writer.open(List.of(P0, P1));
    writer.put(records(P0, 0, 3));
    Awaits.until(WAIT, "the batch being written", () -> target.held.get() != null);

    AtomicReference<Map<TopicPartition, OffsetAndMetadata>> committed = new AtomicReference<>();
    Thread commit = new Thread(() -> committed.set(writer.preCommit()));
    commit.start();
    Awaits.until(WAIT, "the commit waiting for the write", () -> commit.getState() == Thread.State.WAITING
        || commit.getState() == Thread.State.TIMED_WAITING);
    assertThat(committed.get()).isNull();
    target.release.countDown();
    commit.join(WAIT.toMillis());

    assertThat(committed.get()).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
  }

  @Test
  void closeWaitsForTheWriteOfARevokedPartitionBeforeItReturns() throws Exception {
    SinkWriter writer = writer();
    writer.open(List.of(P0, P1));
    writer.put(records(P0, 0, 3));
    Awaits.until(WAIT, "the batch being written", () -> target.held.get() != null);

    Thread revoke = new Thread(() -> writer.close(List.of(P0)));
    revoke.start();
    Awaits.until(WAIT, "the revocation waiting for the write", () -> revoke.getState() == Thread.State.WAITING
        || revoke.getState() == Thread.State.TIMED_WAITING);
    assertThat(target.events).containsExactly("write-start");
    target.release.countDown();
    revoke.join(WAIT.toMillis());

    // The next owner of P0 reads the target's offsets after close: the write is in them.
    assertThat(target.events).containsExactly("write-start", "write-end", "close [ats-0]");
    assertThat(target.offsets).containsEntry(P0, 2L);
  }

  @Test
  void aFailedWriteInFlightKeepsItsRowsAndRetriesThemBeforeNewerOnes() {
    SinkWriter writer = writer();
    writer.open(List.of(P0, P1));
    target.failures.add(new TargetException("file busy", true, null));
    target.release.countDown();

    writer.put(records(P0, 0, 3));
    writer.preCommit();
    writer.put(records(P0, 3, 1));
    clock.addAndGet(60_000);
    writer.put(List.of());
    Map<TopicPartition, OffsetAndMetadata> committed = writer.preCommit();

    assertThat(committed).containsExactly(Map.entry(P0, new OffsetAndMetadata(4)));
    assertThat(target.rows).extracting(row -> row.offset()).containsExactly(0L, 1L, 2L, 3L);
  }

  private static List<SinkRecord> records(TopicPartition tp, long from, int count) {
    List<SinkRecord> records = new ArrayList<>();
    for (long offset = from; offset < from + count; offset++) {
      records.add(Records.json(tp.topic(), tp.partition(), offset, "{\"n\":" + offset + "}"));
    }
    return records;
  }

  /** An in-memory target whose writes wait until the test lets them finish. */
  private static final class HeldTarget implements Target {
    final InMemoryTarget memory = new InMemoryTarget();
    final List<Row> rows = memory.rows;
    final Map<TopicPartition, Long> offsets = memory.offsets;
    final Deque<TargetException> failures = memory.failures;
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicReference<Batch> held = new AtomicReference<>();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public long maxContentBytes() {
      return memory.maxContentBytes();
    }

    @Override
    public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) throws TargetException {
      return memory.open(partitions);
    }

    @Override
    public void write(Batch batch) throws TargetException {
      events.add("write-start");
      held.set(batch);
      try {
        if (!release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        memory.write(batch);
      } finally {
        events.add("write-end");
      }
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) throws TargetException {
      return memory.committedOffsets(partitions);
    }

    @Override
    public void resetOffsets(Map<TopicPartition, Long> nextOffsets) throws TargetException {
      memory.resetOffsets(nextOffsets);
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
      events.add("close " + partitions);
      memory.close(partitions);
    }

    @Override
    public void close() {
      memory.close();
    }
  }
}
