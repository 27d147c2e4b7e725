package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.ChannelStatus;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.TargetException;

/**
 * Rows Snowflake refused after the append returned. The high-performance architecture validates
 * on the server: a refused row is not an exception but a rise in the channel's {@code
 * getRowsErrorCount()}, with {@code getLastErrorOffsetTokenUpperBound()} and {@code
 * getLastErrorMessage()} ({@code ChannelStatus}). The committed token moves past such a row, so it
 * cannot be sent to the dead-letter queue any more; the task fails instead, naming the partition,
 * the offsets between the last committed token seen and Snowflake's bound, and Snowflake's reason, and nothing is dropped without a trace.
 */
final class RejectedRows {

  private RejectedRows() {}

  static void check(HpaChannel channel, ChannelStatus status) throws TargetException {
    long errors = status.getRowsErrorCount();
    if (errors <= channel.errorsSeen()) {
      return;
    }
    long fresh = errors - channel.errorsSeen();
    channel.errorsSeen(errors);
    throw TargetException.fatal(SinkErrorCode.SNOWFLAKE_ROW_REJECTED, "Snowflake rejected " + fresh + " row(s) of "
        + channel.partition.topic() + "-" + channel.partition.partition() + " at offsets "
        + (channel.committed() + 1) + " to " + status.getLastErrorOffsetTokenUpperBound() + " through pipe " + channel.pipe + ": "
        + HpaErrors.brief(status.getLastErrorMessage()) + " (the rows are in the topic; see the channel's error"
        + " table with SHOW CHANNELS)", null);
  }
}
