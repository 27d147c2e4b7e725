package io.github.variantconnect.sink.target;

import io.github.variantconnect.sink.FakeSinkTaskContext;
import io.github.variantconnect.sink.SimulatedConsumer;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.errors.RecordErrors;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import io.github.variantconnect.sink.core.SinkWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One sink task as a worker drives it — the real {@link SinkWriter} over a given target — with the
 * worker's consumer simulated: seeks are applied before each poll and preCommit's offsets become
 * the group's. A "crash" is simply abandoning a harness and starting another on the same account.
 */
public final class SinkTaskHarness implements AutoCloseable {

  private static int instances;

  public final FakeSinkTaskContext context = new FakeSinkTaskContext();
  public final SinkWriter writer;
  private final SimulatedConsumer consumer;
  private final AtomicLong clock;
  private final SinkMetrics metrics;

  public SinkTaskHarness(Target target, SimulatedConsumer consumer, AtomicLong clock, Map<String, String> overrides) {
    Map<String, String> props = new HashMap<>(Map.of("name", "contract", "buffer.count.records", "5",
        "buffer.flush.time", "1", "target.retry.backoff.ms", "10", "target.retry.timeout.ms", "60000",
        "topic2table.map", "ats-telemetry:ATS_RAW,clickstream:CLICKS"));
    props.putAll(overrides);
    VariantSinkConfig config = new VariantSinkConfig(props);
    this.consumer = consumer;
    this.clock = clock;
    this.metrics = new SinkMetrics("contract-" + instances++, 0);
    this.writer = new SinkWriter(config, target, context, new RecordErrors(config.toleratesErrors(), context.errantRecordReporter()), metrics, clock::get);
  }

  /** A rebalance gives this task the partitions: the consumer starts at the group's offsets. */
  public void assign(Collection<TopicPartition> partitions) {
    partitions.forEach(consumer::assign);
    context.assignment.addAll(partitions);
    writer.open(partitions);
  }

  /** A rebalance takes partitions away, committing first as the worker does. */
  public void revoke(Collection<TopicPartition> partitions) {
    commit();
    writer.close(partitions);
    context.assignment.removeAll(partitions);
  }

  /** One poll-put cycle: up to {@code max} records per assigned partition. */
  public void poll(int max) {
    consumer.applySeeks(context);
    List<SinkRecord> records = new ArrayList<>();
    for (TopicPartition tp : context.assignment) {
      if (!context.paused.contains(tp)) {
        records.addAll(consumer.poll(tp, max));
      }
    }
    writer.put(records);
    clock.addAndGet(300);
  }

  /** The worker's offset commit. */
  public void commit() {
    consumer.commit(writer.preCommit());
  }

  @Override
  public void close() {
    writer.stop();
    metrics.close();
  }

  /** Abandons the task without closing anything, as a killed worker does; only its metrics go. */
  public void crash() {
    metrics.close();
  }
}
