package io.github.variantconnect.sink.target;

import io.github.variantconnect.sink.errors.RecordRejectedException;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where rows land: one implementation per kind of store, like a database dialect. The core buffers,
 * converts and routes records and hands whole batches to a target; it knows nothing about the store.
 *
 * <p>The contract that makes the sink exactly-once:
 *
 * <ul>
 *   <li>The target owns the truth about progress: for every partition it can tell the last Kafka
 *       offset whose row it has committed, kept atomically with the rows (an offsets table in the
 *       same transaction, or an offset token per channel).
 *   <li>{@link #write} is idempotent per partition: rows at or below an offset the target already
 *       holds (committed or accepted) are skipped, so a retried batch or a zombie task never
 *       duplicates a row.
 *   <li>{@link #committedOffsets} reports only what is durable; transactional targets commit inside
 *       {@code write}, streaming targets may commit later, and the core reports to Kafka only what
 *       this method returns.
 * </ul>
 *
 * <p>One instance per task, called from the task's thread only.
 */
public interface Target extends AutoCloseable {

  /** Largest RECORD_CONTENT, in UTF-8 bytes, the store accepts; bigger records are dead-lettered. */
  long maxContentBytes();

  /**
   * Why the store would refuse this row (a rule of its value type, such as a repeated object key),
   * or null when it takes it. Checked before the row is buffered, so such a record is dead-lettered
   * like one that failed to convert, instead of failing a whole batch. The default takes any row.
   */
  default RecordRejectedException refusal(Row row) {
    return null;
  }

  /**
   * Takes ownership of the partitions (a streaming target opens a channel per partition here,
   * fencing an older owner) and returns the last committed offset of each partition that has one.
   * A partition without an entry has never been written; it starts where the consumer group is.
   */
  Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) throws TargetException;

  /**
   * Writes the batch. For each partition, its rows and the advance of its offset to {@link
   * PartitionBatch#lastOffset()} happen together or not at all. On failure nothing of a
   * transactional batch is visible; a streaming target may have taken some partitions, which the
   * idempotence rule makes safe to send again.
   *
   * @throws PartitionsRewoundException when the store lost in-flight data of some partitions (an
   *     invalidated channel) and the core must resend them from the committed offsets it carries
   */
  void write(Batch batch) throws TargetException;

  /**
   * The last durably committed offset per partition; absent when nothing was committed. Called on
   * every offset commit of the worker ({@code offset.flush.interval.ms}), so it should answer from
   * what the target already knows where it can.
   *
   * @throws PartitionsRewoundException when the store turns out to have lost accepted data of some
   *     partitions; the core reads them again from the committed offsets it carries
   */
  Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) throws TargetException;

  /**
   * Moves partitions back: the log no longer holds what the target committed for them (the topic
   * was deleted and recreated, or truncated) and {@code variant.offsets.ahead.of.log.policy} says to
   * follow Kafka. For each partition, the stored offset becomes the given next offset - 1 (nothing
   * stored when that is -1), durably before this returns, so records from the next offset on are
   * taken as new. Rows already in the tables stay.
   */
  void resetOffsets(Map<TopicPartition, Long> nextOffsets) throws TargetException;

  /** Gives up the partitions on a rebalance; anything accepted but uncommitted may be dropped. */
  void close(Collection<TopicPartition> partitions);

  /** Releases every resource; the task is stopping. */
  @Override
  void close();
}
