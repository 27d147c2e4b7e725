package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.sink.target.TargetException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The one place that decides which DuckDB failures are outages worth waiting out. DuckDB reports
 * its error class as the message prefix ("IO Error: ...", "Catalog Error: ..."); file locks, full
 * disks and a database invalidated by an earlier I/O failure are retriable, because the next flush
 * opens the file afresh; a lock held by another process is usually a reader's, gone in
 * milliseconds, so it is retried soonest. Everything else is a problem waiting cannot fix.
 */
final class DuckDbErrors {

  private DuckDbErrors() {}

  static TargetException classify(Path file, String action, Exception e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    String detail = action + " " + file + ": " + message;
    if (e instanceof SQLException && isRetriable(message)) {
      if (message.contains("Conflicting lock")) {
        return TargetException.busy("the DuckDB file " + file + " is locked by another process (readers must open"
            + " it read-only and close it again; a writer must not keep it open): " + message, e);
      }
      return TargetException.retriable(detail, e);
    }
    return TargetException.fatal(detail, e);
  }

  static boolean isRetriable(String message) {
    return message.startsWith("IO Error")
        || message.contains("Could not set lock")
        || message.contains("No space left")
        || message.contains("database has been invalidated")
        || message.startsWith("Out of Memory Error")
        || message.startsWith("TransactionContext Error");
  }
}
