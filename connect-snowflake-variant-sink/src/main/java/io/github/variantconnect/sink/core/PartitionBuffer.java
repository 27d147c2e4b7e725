package io.github.variantconnect.sink.core;

import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition's records between Kafka and the target, and where the partition stands: the last
 * offset received, the last handed to a write, the last written to the target, the last the target
 * reported committed, and the next offset a record must have to be new (anything below was already
 * taken: Connect may deliver a record again after a seek). Rows handed to a write leave the buffer
 * but stay counted in the task's {@link MemoryBudget} until the write is done.
 */
public final class PartitionBuffer {

  private static final long NONE = -1;

  private final TopicPartition partition;
  private final MemoryBudget memory;
  private final ArrayList<Row> rows = new ArrayList<>();
  private long bytes;
  private long inFlightBytes;
  private long inFlightSinceMs = NONE;
  private long sent = NONE;
  private long received = NONE;
  private long written = NONE;
  private long committed = NONE;
  private long nextExpected = NONE;
  private long firstReceived = NONE;
  private long pendingSinceMs = NONE;
  private long soughtTo = NONE;

  public PartitionBuffer(TopicPartition partition, MemoryBudget memory) {
    this.partition = partition;
    this.memory = memory;
  }

  public PartitionBuffer(TopicPartition partition) {
    this(partition, MemoryBudget.unlimited());
  }

  public TopicPartition partition() {
    return partition;
  }

  /** The target's committed offset at open: everything up to it is done. */
  public void startAfter(long committedOffset) {
    committed = committedOffset;
    written = committedOffset;
    received = committedOffset;
    nextExpected = committedOffset + 1;
    soughtTo = nextExpected;
  }

  /** False for a record at an offset already taken. */
  public boolean isNew(long offset) {
    return nextExpected == NONE || offset >= nextExpected;
  }

  /**
   * True when this is the first record since the partition was sought and it lies below the seek
   * point: the consumer found the offset out of range and reset, so the log no longer holds what
   * the target committed (the topic was deleted and recreated, or truncated).
   */
  public boolean isBelowSeek(long offset) {
    return soughtTo != NONE && offset < soughtTo;
  }

  /** The offset the partition was last sought to, or -1. */
  public long soughtTo() {
    return soughtTo;
  }

  public void add(Row row, long offset, long nowMs) {
    rows.add(row);
    bytes += row.size();
    memory.take(row.size());
    advance(offset, nowMs);
  }

  /** A record that yields no row (ignored tombstone, dead-lettered) still moves the offset. */
  public void skip(long offset, long nowMs) {
    advance(offset, nowMs);
  }

  private void advance(long offset, long nowMs) {
    soughtTo = NONE;
    if (pendingSinceMs == NONE) {
      pendingSinceMs = nowMs;
    }
    if (firstReceived == NONE) {
      firstReceived = offset;
    }
    received = offset;
    nextExpected = offset + 1;
  }

  /** Anything received and not yet written, including what a write in flight carries. */
  public boolean hasPending() {
    return received > written;
  }

  /** Anything received and not yet handed to a write. */
  public boolean hasUnsent() {
    return received > Math.max(written, sent);
  }

  public int rowCount() {
    return rows.size();
  }

  public long bytes() {
    return bytes;
  }

  /** When the oldest record not yet handed to a write arrived; -1 when there is none. */
  public long pendingSinceMs() {
    return hasUnsent() ? pendingSinceMs : NONE;
  }

  /**
   * The records not yet handed to a write, as the target takes them. They leave the buffer (new
   * records may arrive while they are written) and come back with {@link #requeue} if the write
   * fails; their bytes stay counted until {@link #written}.
   */
  public PartitionBatch toBatch() {
    PartitionBatch batch = new PartitionBatch(partition, rows, received);
    sent = received;
    inFlightBytes += bytes;
    inFlightSinceMs = inFlightSinceMs == NONE ? pendingSinceMs : inFlightSinceMs;
    rows.clear();
    bytes = 0;
    pendingSinceMs = NONE;
    return batch;
  }

  /** The target took everything up to {@code lastOffset}. */
  public void written(long lastOffset) {
    written = Math.max(written, lastOffset);
    memory.release(inFlightBytes);
    inFlightBytes = 0;
    inFlightSinceMs = NONE;
    sent = NONE;
  }

  /** The write of {@code batch} failed: its rows go back in front of those received since. */
  public void requeue(PartitionBatch batch) {
    rows.addAll(0, batch.rows());
    bytes += inFlightBytes;
    inFlightBytes = 0;
    if (inFlightSinceMs != NONE) {
      pendingSinceMs = inFlightSinceMs;
    }
    inFlightSinceMs = NONE;
    sent = NONE;
  }

  /** The buffer is dropped (partition revoked, task stopped): its bytes leave the budget. */
  public void release() {
    dropRows();
  }

  private void dropRows() {
    memory.release(bytes + inFlightBytes);
    rows.clear();
    bytes = 0;
    inFlightBytes = 0;
    inFlightSinceMs = NONE;
    sent = NONE;
    pendingSinceMs = NONE;
  }

  public void committed(long offset) {
    committed = Math.max(committed, offset);
  }

  /**
   * The target lost what it had accepted beyond {@code committedOffset} (-1: everything): drop the
   * buffer and return the offset to read again from.
   */
  public long rewind(long committedOffset) {
    long from = committedOffset >= 0 ? committedOffset + 1 : firstReceived;
    dropRows();
    committed = committedOffset;
    written = committedOffset;
    received = committedOffset;
    nextExpected = from;
    soughtTo = from;
    return from;
  }

  /**
   * The target's offset was reset because the log restarted below it: the partition starts over at
   * {@code offset}, the record being taken now.
   */
  public void restartAt(long offset) {
    dropRows();
    firstReceived = NONE;
    committed = offset - 1;
    written = offset - 1;
    received = offset - 1;
    nextExpected = offset;
    soughtTo = NONE;
  }

  public long received() {
    return received;
  }

  public long writtenOffset() {
    return written;
  }

  public long committedOffset() {
    return committed;
  }

  public List<Row> rows() {
    return rows;
  }
}
