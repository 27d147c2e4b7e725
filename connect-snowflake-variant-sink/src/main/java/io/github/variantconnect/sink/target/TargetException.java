package io.github.variantconnect.sink.target;

import io.github.variantconnect.sink.errors.SinkErrorCode;

/**
 * A failure of the store. The target decides, in one place per store, whether waiting can help
 * ({@link #retriable()}: a locked file, a full disk, a network blip) or not (a table with the wrong
 * columns, missing privileges); the core owns the backoff and the retry budget. A target that
 * knows more precisely what went wrong (a refused login, a missing grant) attaches its own {@link
 * #code()}, which the task's failure then carries instead of the generic one.
 */
public class TargetException extends Exception {

  private final boolean retriable;
  private final SinkErrorCode code;
  private final boolean busy;

  public TargetException(String message, boolean retriable, Throwable cause) {
    this(message, retriable, null, cause);
  }

  public TargetException(String message, boolean retriable, SinkErrorCode code, Throwable cause) {
    this(message, retriable, false, code, cause);
  }

  private TargetException(String message, boolean retriable, boolean busy, SinkErrorCode code, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
    this.busy = busy;
    this.code = code;
  }

  public static TargetException retriable(String message, Throwable cause) {
    return new TargetException(message, true, cause);
  }

  /**
   * The store is held by someone else for a moment (a reader's lock on a DuckDB file, held for
   * milliseconds): retriable, and worth retrying much sooner than an outage.
   */
  public static TargetException busy(String message, Throwable cause) {
    return new TargetException(message, true, true, null, cause);
  }

  public static TargetException fatal(String message, Throwable cause) {
    return new TargetException(message, false, cause);
  }

  /** A failure waiting cannot fix, with the code (and so the hint) that says what to do. */
  public static TargetException fatal(SinkErrorCode code, String message, Throwable cause) {
    return new TargetException(message, false, code, cause);
  }

  public boolean retriable() {
    return retriable;
  }

  public boolean busy() {
    return busy;
  }

  /** The specific code of this failure, or null when the core's generic code fits. */
  public SinkErrorCode code() {
    return code;
  }
}
