package io.github.variantconnect.sink.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a record the sink cannot write. With {@code errors.tolerance=none} the
 * task fails, naming the record's topic, partition and offset. With {@code all} the record goes to
 * the worker's dead-letter queue through the {@link ErrantRecordReporter}, and its offset is stored
 * as done only after the queue has acknowledged it ({@link #awaitReported()} runs before every
 * flush), so a crash cannot lose a dead letter.
 */
public final class RecordErrors {

  private static final Logger log = LoggerFactory.getLogger(RecordErrors.class);
  private static final long REPORT_TIMEOUT_MS = 120_000;

  private final boolean tolerate;
  private final ErrantRecordReporter reporter;
  private final List<Future<Void>> pending = new ArrayList<>();
  private final List<String> pendingRecords = new ArrayList<>();

  /** {@code reporter} is null on workers without dead-letter support. */
  public RecordErrors(boolean tolerate, ErrantRecordReporter reporter) {
    this.tolerate = tolerate;
    this.reporter = reporter;
  }

  /**
   * Handles a rejected record: reports it (tolerance all) or throws a {@link ConnectException} that
   * fails the task.
   */
  public void rejected(SinkRecord record, RecordRejectedException error) {
    String where = coordinates(record);
    if (!tolerate) {
      throw new ConnectException(
          SinkErrorCode.RECORD_REJECTED.messageWithHint(where + ": " + error.getMessage()), error);
    }
    if (reporter == null) {
      log.warn("Skipping record {} ({}); this worker has no dead-letter queue support", where, error.getMessage());
      return;
    }
    log.debug("Sending record {} to the dead-letter queue: {}", where, error.getMessage());
    pending.add(reporter.report(record, error));
    pendingRecords.add(where);
  }

  /** Waits until every reported record is acknowledged; fails the task if one could not be written. */
  public void awaitReported() {
    try {
      for (int i = 0; i < pending.size(); i++) {
        try {
          pending.get(i).get(REPORT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
          Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
          throw new ConnectException(SinkErrorCode.DEAD_LETTER_FAILED.messageWithHint(
              pendingRecords.get(i) + ": " + cause), cause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while waiting for the dead-letter queue", e);
    } finally {
      pending.clear();
      pendingRecords.clear();
    }
  }

  public static String coordinates(SinkRecord record) {
    return record.originalTopic() + "/" + record.originalKafkaPartition() + "@" + record.originalKafkaOffset();
  }
}
