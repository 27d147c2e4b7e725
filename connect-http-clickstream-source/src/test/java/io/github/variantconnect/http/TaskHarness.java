package io.github.variantconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.FakeSourceTaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetUtils;

/**
 * Runs an {@link HttpSourceTask} the way a worker does, minus Kafka: offsets "committed" here are
 * what a restarted task reads back.
 */
public final class TaskHarness implements AutoCloseable {

  private final Map<Map<String, Object>, Map<String, Object>> committed = new HashMap<>();
  private HttpSourceTask task;

  public HttpSourceTask start(Map<String, String> props) {
    return start(props, System::nanoTime);
  }

  /** Starts a task that schedules its requests on {@code nanoClock}. */
  public HttpSourceTask start(Map<String, String> props, LongSupplier nanoClock) {
    close();
    task = new HttpSourceTask(nanoClock);
    task.initialize(new FakeSourceTaskContext(props, committed));
    task.start(props);
    return task;
  }

  /** Polls until {@code count} records came back, committing each record's offset as a worker would. */
  public List<SourceRecord> pollUntil(int count, Duration timeout) throws InterruptedException {
    return pollUntil(count, timeout, () -> {});
  }

  /** As {@link #pollUntil(int, Duration)}, running {@code beforeEachPoll} (e.g. moving a clock) first. */
  public List<SourceRecord> pollUntil(int count, Duration timeout, Runnable beforeEachPoll) throws InterruptedException {
    List<SourceRecord> records = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (records.size() < count) {
      assertThat(System.nanoTime()).as("%s of %s records within %s", records.size(), count, timeout).isLessThan(deadline);
      beforeEachPoll.run();
      records.addAll(pollOnce());
    }
    return records;
  }

  /** One poll, committing what it returned. */
  public List<SourceRecord> pollOnce() throws InterruptedException {
    List<SourceRecord> batch = task.poll();
    if (batch == null) {
      return List.of();
    }
    batch.forEach(this::commit);
    return batch;
  }

  /** Polls for {@code duration}, returning whatever came back. */
  public List<SourceRecord> pollFor(Duration duration) throws InterruptedException {
    List<SourceRecord> records = new ArrayList<>();
    long deadline = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        batch.forEach(r -> {
          records.add(r);
          commit(r);
        });
      }
    }
    return records;
  }

  @SuppressWarnings("unchecked")
  private void commit(SourceRecord record) {
    // What the worker checks before it stores an offset.
    OffsetUtils.validateFormat(record.sourceOffset());
    committed.put((Map<String, Object>) record.sourcePartition(), (Map<String, Object>) record.sourceOffset());
  }

  /** As if the worker crashed after committing only the first {@code count} of {@code records}. */
  public void keepCommitted(List<SourceRecord> records, int count) {
    committed.clear();
    records.subList(0, count).forEach(this::commit);
  }

  public Map<Map<String, Object>, Map<String, Object>> committed() {
    return committed;
  }

  @Override
  public void close() {
    if (task != null) {
      task.stop();
      task = null;
    }
  }
}
