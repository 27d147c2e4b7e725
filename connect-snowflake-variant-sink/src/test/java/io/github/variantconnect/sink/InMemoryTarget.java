package io.github.variantconnect.sink;

import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.TransactionalTarget;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A transactional target in memory that survives "crashes" of the writers using it: rows and
 * offsets change together, through the same offsets protocol as the real transactional targets,
 * and failures can be queued for the next calls.
 */
public final class InMemoryTarget extends TransactionalTarget<InMemoryTarget> {

  public final List<Row> rows = new ArrayList<>();
  /** The stored offsets, as an offsets table would hold them. */
  public final Map<TopicPartition, Long> offsets = new HashMap<>();
  public final Deque<TargetException> failures = new ArrayDeque<>();
  /** Failures for the next committedOffsets calls only. */
  public final Deque<TargetException> committedFailures = new ArrayDeque<>();
  public int writes;
  public long maxContentBytes = Long.MAX_VALUE;

  @Override
  public long maxContentBytes() {
    return maxContentBytes;
  }

  @Override
  protected Map<TopicPartition, Long> loadOffsets() throws TargetException {
    failNext();
    return new HashMap<>(offsets);
  }

  @Override
  protected <T> T inWriteTransaction(Batch batch, Work<InMemoryTarget, T> work) throws TargetException {
    failNext();
    writes++;
    return inTransaction(work);
  }

  @Override
  protected <T> T inResetTransaction(Work<InMemoryTarget, T> work) throws TargetException {
    failNext();
    return inTransaction(work);
  }

  /** Rows and offsets are put back as they were when the work fails. */
  private <T> T inTransaction(Work<InMemoryTarget, T> work) throws TargetException {
    List<Row> rowsBefore = new ArrayList<>(rows);
    Map<TopicPartition, Long> offsetsBefore = new HashMap<>(offsets);
    try {
      return work.run(this);
    } catch (SQLException | TargetException | RuntimeException e) {
      rows.clear();
      rows.addAll(rowsBefore);
      offsets.clear();
      offsets.putAll(offsetsBefore);
      if (e instanceof TargetException t) {
        throw t;
      }
      throw TargetException.fatal("in-memory transaction failed", e);
    }
  }

  @Override
  protected Map<TopicPartition, Long> readOffsets(InMemoryTarget store) {
    return new HashMap<>(offsets);
  }

  @Override
  protected void insertRows(InMemoryTarget store, String table, List<Row> tableRows) {
    rows.addAll(tableRows);
  }

  @Override
  protected void storeOffsets(InMemoryTarget store, Map<TopicPartition, Long> stored) {
    offsets.putAll(stored);
  }

  @Override
  protected void deleteOffsets(InMemoryTarget store, Collection<TopicPartition> partitions) {
    partitions.forEach(offsets::remove);
  }

  private void failNext() throws TargetException {
    TargetException failure = failures.poll();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) throws TargetException {
    TargetException failure = committedFailures.poll();
    if (failure != null) {
      throw failure;
    }
    return super.committedOffsets(partitions);
  }
}
