package io.github.variantconnect.sink.core;

import io.github.variantconnect.sink.config.OffsetsAheadPolicy;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.convert.RecordConverter;
import io.github.variantconnect.sink.errors.RecordErrors;
import io.github.variantconnect.sink.errors.RecordRejectedException;
import io.github.variantconnect.sink.errors.RetryBudget;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.PartitionsRewoundException;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's core, behind a thin task: converts and routes records into per-partition buffers,
 * flushes them to the {@link Target} on count, size or age, and keeps Kafka's view of progress
 * behind the target's.
 *
 * <p>Progress is the target's: on open each partition is sought to the target's committed offset
 * + 1, records below a partition's next expected offset are dropped as already taken, and {@link
 * #preCommit()} reports only what the target has committed. During a target outage the writer
 * keeps its buffers, pauses consumption and retries on later {@code put} calls (the worker keeps
 * polling, so the task stays in its group); it never throws {@code RetriableException}, whose
 * redelivery would make a rewind ambiguous.
 */
public final class SinkWriter {

  private static final Logger log = LoggerFactory.getLogger(SinkWriter.class);

  private final Target target;
  private final SinkTaskContext context;
  private final RecordConverter converter;
  private final TopicTableMap tables;
  private final FlushPolicy policy;
  private final RecordErrors errors;
  private final RetryBudget retry;
  /** A fatal failure the target reported on an offset commit; the next put fails the task with it. */
  private TargetException commitFailure;
  private final SinkMetrics metrics;
  private final LongSupplier clock;
  private final OffsetsAheadPolicy aheadPolicy;
  private final Map<TopicPartition, PartitionBuffer> buffers = new LinkedHashMap<>();
  /** Losses the target reported on an offset commit, applied on the next put (see {@link #preCommit()}). */
  private final Map<TopicPartition, Long> pendingRewinds = new LinkedHashMap<>();
  private PartitionBuffer lastBuffer;
  private boolean paused;

  public SinkWriter(VariantSinkConfig config, Target target, SinkTaskContext context, RecordErrors errors,
      SinkMetrics metrics, LongSupplier clock) {
    this.target = target;
    this.context = context;
    this.errors = errors;
    this.metrics = metrics;
    this.clock = clock;
    this.tables = config.topicTableMap();
    this.aheadPolicy = config.offsetsAheadPolicy();
    this.policy = new FlushPolicy(config.bufferCountRecords(), config.bufferSizeBytes(), config.bufferFlushTime());
    this.retry = new RetryBudget(config.retryBackoff(), config.retryTimeout());
    this.converter = new RecordConverter(config.metadataFields(), config.nullValueBehavior(),
        Math.min(config.maxContentBytes(), target.maxContentBytes()));
  }

  /** New partitions: ask the target where each stands and seek there. */
  public void open(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> committed = withRetries("opening " + partitions, () -> target.open(partitions));
    lastBuffer = null;
    for (TopicPartition tp : partitions) {
      pendingRewinds.remove(tp);
      PartitionBuffer buffer = new PartitionBuffer(tp);
      Long offset = committed.get(tp);
      if (offset != null && offset >= 0) {
        buffer.startAfter(offset);
        context.offset(tp, offset + 1);
      }
      buffers.put(tp, buffer);
      publish(buffer);
    }
    log.info("Opened {}; resuming after committed offsets {}", partitions, committed);
  }

  /**
   * A target call that cannot be deferred to a later put (the rebalance callback has to return with
   * the offsets; a reset must be durable before the record is taken): a short blocking retry.
   */
  private <T> T withRetries(String what, TargetCall<T> call) {
    RetryBudget budget = new RetryBudget(Duration.ofMillis(100), Duration.ofMillis(retry.budgetMs()));
    while (true) {
      try {
        return call.run();
      } catch (TargetException e) {
        long wait = e.retriable() ? budget.onFailure(clock.getAsLong()) : -1;
        if (wait < 0) {
          throw new ConnectException(codeOf(e).messageWithHint(what + ": " + e.getMessage()), e);
        }
        log.warn("Target not available {} ({}); retrying in {} ms", what, e.getMessage(), wait);
        metrics.retried();
        sleep(wait);
      }
    }
  }

  private static SinkErrorCode codeOf(TargetException e) {
    return e.code() != null ? e.code() : e.retriable() ? SinkErrorCode.TARGET_UNAVAILABLE : SinkErrorCode.TARGET_FAILED;
  }

  public void put(Collection<SinkRecord> records) {
    if (commitFailure != null) {
      // The worker only logs what preCommit throws; a failure waiting cannot fix must stop the task here.
      throw new ConnectException(codeOf(commitFailure).messageWithHint("reading committed offsets: "
          + commitFailure.getMessage()), commitFailure);
    }
    long now = clock.getAsLong();
    for (SinkRecord record : records) {
      accept(record, now);
    }
    // After this put's records: they were fetched before the seek a rewind asks for, so they go too.
    applyPendingRewinds();
    if (retry.failing() ? now >= retry.nextAttemptAtMs() : policy.isDue(buffers.values(), now)) {
      flush(now);
    }
    if (retry.failing()) {
      // Partitions assigned since the outage began are not paused yet.
      pauseAll();
    }
    scheduleWakeUp(clock.getAsLong());
  }

  private void accept(SinkRecord record, long now) {
    PartitionBuffer buffer = bufferOf(record);
    long offset = record.originalKafkaOffset();
    if (!buffer.isNew(offset)) {
      if (!buffer.isBelowSeek(offset)) {
        return;
      }
      onOffsetsAheadOfLog(buffer, offset);
    }
    Row row;
    try {
      row = converter.convert(record, tables.tableFor(record.topic()));
      RecordRejectedException refusal = row == null ? null : target.refusal(row);
      if (refusal != null) {
        throw refusal;
      }
    } catch (RecordRejectedException e) {
      errors.rejected(record, e);
      metrics.deadLettered();
      buffer.skip(offset, now);
      return;
    }
    if (row == null) {
      metrics.skippedNull();
      buffer.skip(offset, now);
    } else {
      buffer.add(row, offset, now);
    }
  }

  /**
   * The first record after a seek lies below it: the consumer found the target's offset out of
   * range, so the log no longer holds what the target committed (the topic was deleted and
   * recreated, or truncated). Never skipped silently: the task fails, or with RESET_TO_KAFKA the
   * target forgets the old position and the partition is ingested from this record on.
   */
  private void onOffsetsAheadOfLog(PartitionBuffer buffer, long offset) {
    TopicPartition tp = buffer.partition();
    String detail = tp + " was sought to " + buffer.soughtTo() + ", the offset after the target's committed one,"
        + " but the next record is at " + offset;
    if (aheadPolicy == OffsetsAheadPolicy.FAIL) {
      throw new ConnectException(SinkErrorCode.OFFSETS_AHEAD_OF_LOG.messageWithHint(detail));
    }
    withRetries("resetting the offset of " + tp + " to " + offset, () -> {
      target.resetOffsets(Map.of(tp, offset));
      return null;
    });
    buffer.restartAt(offset);
    publish(buffer);
    log.warn("{}; {}={}: the target's offset was reset, ingesting {} from offset {}",
        SinkErrorCode.OFFSETS_AHEAD_OF_LOG.message(detail), VariantSinkConfig.OFFSETS_AHEAD_POLICY, aheadPolicy,
        tp, offset);
  }

  /** Offsets are the consumed partition's, even when a transform renamed the topic. */
  private PartitionBuffer bufferOf(SinkRecord record) {
    PartitionBuffer last = lastBuffer;
    String topic = record.originalTopic();
    int partition = record.originalKafkaPartition();
    if (last != null && last.partition().partition() == partition && last.partition().topic().equals(topic)) {
      return last;
    }
    TopicPartition tp = new TopicPartition(topic, partition);
    PartitionBuffer buffer = buffers.get(tp);
    if (buffer == null) {
      // Not announced through open(): nothing is known about it, so take the consumer's position.
      buffer = new PartitionBuffer(tp);
      buffers.put(tp, buffer);
    }
    lastBuffer = buffer;
    return buffer;
  }

  private void flush(long now) {
    errors.awaitReported();
    List<PartitionBatch> slices = new ArrayList<>();
    for (PartitionBuffer buffer : buffers.values()) {
      if (buffer.hasPending()) {
        slices.add(buffer.toBatch());
      }
    }
    if (slices.isEmpty()) {
      // What failed to be written was revoked or rewound meanwhile: nothing is left to retry.
      recovered();
      return;
    }
    Batch batch = new Batch(slices);
    long started = System.nanoTime();
    try {
      target.write(batch);
    } catch (PartitionsRewoundException e) {
      rewind(e.committed());
      // The batch's other partitions stay pending and, being due, are written on the next put.
      log.warn("Target rewound {} ({}); reading them again from their committed offsets", e.committed().keySet(),
          e.getMessage());
      return;
    } catch (TargetException e) {
      onFailure(batch, e, now);
      return;
    }
    long nanos = System.nanoTime() - started;
    for (PartitionBatch slice : slices) {
      PartitionBuffer buffer = buffers.get(slice.partition());
      buffer.written(slice.lastOffset());
      publish(buffer);
    }
    metrics.flushed(batch.rowCount(), batch.size(), nanos);
    recovered();
    log.debug("Wrote {} rows of {} partitions in {} ms", batch.rowCount(), slices.size(), nanos / 1_000_000);
  }

  private void recovered() {
    if (retry.failing()) {
      log.info("Target available again after {} failed attempts; resuming", retry.failures());
      retry.onSuccess();
    }
    if (paused) {
      context.resume(context.assignment().toArray(TopicPartition[]::new));
      paused = false;
    }
  }

  private void onFailure(Batch batch, TargetException e, long now) {
    String what = batch.rowCount() + " rows of " + batch.partitions().size() + " partition(s)";
    if (!e.retriable()) {
      throw new ConnectException(codeOf(e).messageWithHint("writing " + what + ": " + e.getMessage()), e);
    }
    long wait = retry.onFailure(now, e.busy());
    if (wait < 0) {
      throw new ConnectException(SinkErrorCode.TARGET_UNAVAILABLE.messageWithHint(
          "writing " + what + " failed for " + retry.failingForMs(now) + " ms: " + e.getMessage()), e);
    }
    metrics.retried();
    // A reader holding a DuckDB file for a moment is routine; only a failure that repeats is news.
    if (retry.failures() == 1) {
      log.info("Target write of {} failed ({}); retrying in {} ms", what, e.getMessage(), wait);
    } else {
      log.warn("Target write of {} failed again ({}); retrying in {} ms, giving up after {} ms of failures",
          what, e.getMessage(), wait, retry.budgetMs());
    }
    pauseAll();
  }

  /** The target dropped accepted data: forget the buffers and read those partitions again. */
  private void rewind(Map<TopicPartition, Long> committed) {
    for (Map.Entry<TopicPartition, Long> entry : committed.entrySet()) {
      PartitionBuffer buffer = buffers.get(entry.getKey());
      if (buffer == null) {
        continue;
      }
      long from = buffer.rewind(entry.getValue());
      if (from >= 0) {
        context.offset(entry.getKey(), from);
      }
      publish(buffer);
    }
  }

  private void applyPendingRewinds() {
    if (!pendingRewinds.isEmpty()) {
      rewind(pendingRewinds);
      pendingRewinds.clear();
    }
  }

  private void scheduleWakeUp(long now) {
    long wait = retry.failing() ? retry.nextAttemptAtMs() - now : policy.millisUntilDue(buffers.values(), now);
    if (retry.failing() || wait >= 0) {
      // Without records the worker calls put() only every offset.flush.interval.ms; a quiet partition
      // must still be written on time.
      context.timeout(Math.max(1, wait));
    }
    long rows = 0;
    for (PartitionBuffer buffer : buffers.values()) {
      rows += buffer.rowCount();
      publish(buffer);
    }
    metrics.buffered(rows);
  }

  /**
   * Offsets the target has committed, +1 as Kafka counts; never anything merely buffered.
   *
   * <p>A loss the target reports here (a streaming channel found invalidated) is not rewound at
   * once: the worker also commits while revoking partitions, and a seek requested for a partition
   * it then takes away would fail the next poll. The rewind waits for the next put, unless the
   * partition is closed first, in which case its next owner starts from the committed offset.
   */
  public Map<TopicPartition, OffsetAndMetadata> preCommit() {
    Map<TopicPartition, Long> committed;
    try {
      committed = target.committedOffsets(buffers.keySet());
    } catch (PartitionsRewoundException e) {
      pendingRewinds.putAll(e.committed());
      log.warn("Target lost accepted records of {} ({}); reading them again from their committed offsets",
          e.committed().keySet(), e.getMessage());
      return Map.of();
    } catch (TargetException e) {
      if (!e.retriable()) {
        commitFailure = e;
      }
      // Nothing is lost by skipping one commit; the next put reports a lasting outage or a fatal failure.
      log.warn("Could not read committed offsets from the target ({}); skipping this offset commit", e.getMessage());
      return Map.of();
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> entry : committed.entrySet()) {
      PartitionBuffer buffer = buffers.get(entry.getKey());
      if (buffer != null && entry.getValue() != null && entry.getValue() >= 0) {
        buffer.committed(entry.getValue());
        publish(buffer);
        offsets.put(entry.getKey(), new OffsetAndMetadata(entry.getValue() + 1));
      }
    }
    return offsets;
  }

  /**
   * Partitions revoked: their buffers are dropped, not written. Whoever owns them next starts from
   * the target's committed offsets, so nothing is lost, and a write now could race the new owner.
   */
  public void close(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      pendingRewinds.remove(tp);
      PartitionBuffer buffer = buffers.remove(tp);
      if (buffer != null && buffer.hasPending()) {
        log.debug("Dropping {} unwritten rows of revoked {}", buffer.rowCount(), tp);
      }
      metrics.removePartition(tp);
    }
    lastBuffer = null;
    target.close(partitions);
    if (buffers.isEmpty()) {
      retry.onSuccess();
      paused = false;
    }
  }

  public void stop() {
    buffers.clear();
    pendingRewinds.clear();
    lastBuffer = null;
    target.close();
  }

  private void publish(PartitionBuffer buffer) {
    metrics.partition(buffer.partition()).update(buffer.received(), buffer.writtenOffset(), buffer.committedOffset());
  }

  private void pauseAll() {
    context.pause(context.assignment().toArray(TopicPartition[]::new));
    paused = true;
  }

  @FunctionalInterface
  private interface TargetCall<T> {
    T run() throws TargetException;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while waiting for the target", e);
    }
  }
}
