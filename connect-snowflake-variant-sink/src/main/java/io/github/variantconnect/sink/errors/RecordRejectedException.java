package io.github.variantconnect.sink.errors;

import org.apache.kafka.connect.errors.DataException;

/**
 * A record the sink cannot write. It reaches the dead-letter queue as the error of the report, so
 * its message (code and reason, never the payload) is the {@code __connect.errors.exception.message}
 * header.
 */
public class RecordRejectedException extends DataException {

  private final SinkErrorCode code;

  public RecordRejectedException(SinkErrorCode code, String reason) {
    super(code.message(reason));
    this.code = code;
  }

  public SinkErrorCode code() {
    return code;
  }
}
