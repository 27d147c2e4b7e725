package io.github.variantconnect.sink.target;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets protocol of a target that keeps each partition's last offset in a table of the store,
 * written in the same transaction as the rows: open reads the stored offsets; a write reads them
 * again inside its transaction and skips rows at or below them, so a retried batch or a task that
 * does not know yet it was replaced never duplicates a row; a reset deletes and rewrites them;
 * committed offsets are what the last transactions stored. A store adds only its connection
 * handling (how a transaction is opened, locked, committed and its failures classified) and its
 * SQL, the way a database dialect adds only what differs.
 *
 * @param <C> what a transaction works on, typically a JDBC connection
 */
public abstract class TransactionalTarget<C> implements Target {

  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /** Reads every offset this connector has stored, making the offsets table when missing. */
  protected abstract Map<TopicPartition, Long> loadOffsets() throws TargetException;

  /**
   * Runs the work of a write in one transaction, committed when the work returns and rolled back
   * when it throws, with whatever must come first (tables made, the offsets table locked).
   */
  protected abstract <T> T inWriteTransaction(Batch batch, Work<C, T> work) throws TargetException;

  /** Runs the work of an offsets reset in one transaction, like {@link #inWriteTransaction}. */
  protected abstract <T> T inResetTransaction(Work<C, T> work) throws TargetException;

  /** The offsets stored for this connector, read inside the current transaction. */
  protected abstract Map<TopicPartition, Long> readOffsets(C store) throws SQLException;

  /** Makes sure the tables exist before rows are inserted into them; nothing by default. */
  protected void prepareTables(C store, Collection<String> tables) throws SQLException, TargetException {}

  /** Inserts rows into one table, inside the current transaction. */
  protected abstract void insertRows(C store, String table, List<Row> rows) throws SQLException, TargetException;

  /** Stores each partition's offset, replacing what was stored, inside the current transaction. */
  protected abstract void storeOffsets(C store, Map<TopicPartition, Long> offsets) throws SQLException;

  /** Deletes the stored offsets of the partitions, inside the current transaction. */
  protected abstract void deleteOffsets(C store, Collection<TopicPartition> partitions) throws SQLException;

  @Override
  public final Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) throws TargetException {
    Map<TopicPartition, Long> stored = loadOffsets();
    Map<TopicPartition, Long> result = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long offset = stored.get(tp);
      if (offset != null) {
        result.put(tp, offset);
        committed.put(tp, offset);
      }
    }
    return result;
  }

  @Override
  public final void write(Batch batch) throws TargetException {
    committed.putAll(inWriteTransaction(batch, store -> writeRows(store, batch)));
  }

  private Map<TopicPartition, Long> writeRows(C store, Batch batch) throws SQLException, TargetException {
    // Offsets are read inside the transaction: rows a previous owner already stored are skipped,
    // which makes a retried batch or a zombie task harmless.
    Map<TopicPartition, Long> stored = readOffsets(store);
    Map<String, List<Row>> byTable = new LinkedHashMap<>();
    Map<TopicPartition, Long> advanced = new LinkedHashMap<>();
    Map<TopicPartition, Long> result = new HashMap<>();
    for (PartitionBatch slice : batch.partitions()) {
      long done = stored.getOrDefault(slice.partition(), -1L);
      result.put(slice.partition(), Math.max(done, slice.lastOffset()));
      if (slice.lastOffset() <= done) {
        continue;
      }
      for (Row row : slice.rows()) {
        if (row.offset() > done) {
          byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
        }
      }
      advanced.put(slice.partition(), slice.lastOffset());
    }
    prepareTables(store, byTable.keySet());
    for (Map.Entry<String, List<Row>> entry : byTable.entrySet()) {
      insertRows(store, entry.getKey(), entry.getValue());
    }
    storeOffsets(store, advanced);
    return result;
  }

  @Override
  public final void resetOffsets(Map<TopicPartition, Long> nextOffsets) throws TargetException {
    inResetTransaction(store -> {
      deleteOffsets(store, nextOffsets.keySet());
      Map<TopicPartition, Long> kept = new LinkedHashMap<>();
      nextOffsets.forEach((tp, next) -> {
        if (next > 0) {
          kept.put(tp, next - 1);
        }
      });
      storeOffsets(store, kept);
      return null;
    });
    nextOffsets.forEach((tp, next) -> {
      if (next > 0) {
        committed.put(tp, next - 1);
      } else {
        committed.remove(tp);
      }
    });
  }

  /** Answers from what the last transactions stored: they were committed before returning. */
  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) throws TargetException {
    Map<TopicPartition, Long> result = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long offset = committed.get(tp);
      if (offset != null) {
        result.put(tp, offset);
      }
    }
    return result;
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    partitions.forEach(committed::remove);
  }

  @Override
  public void close() {
    committed.clear();
  }

  /** Work done inside one transaction of the store. */
  @FunctionalInterface
  protected interface Work<C, T> {
    T run(C store) throws SQLException, TargetException;
  }
}
