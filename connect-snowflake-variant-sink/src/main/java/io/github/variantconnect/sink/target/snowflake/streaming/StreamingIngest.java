package io.github.variantconnect.sink.target.snowflake.streaming;

import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.TargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Snowpipe Streaming as the target needs it: channels that take rows with an offset token and
 * report the token Snowflake has committed. Offsets are Kafka offsets here, -1 meaning none; SDK
 * exceptions arrive already classified as {@link TargetException}s.
 */
public interface StreamingIngest extends AutoCloseable {

  /** Builds the client; called when the target first needs it, so nothing connects before open(). */
  @FunctionalInterface
  interface Connector {
    StreamingIngest connect() throws TargetException;
  }

  /**
   * Opens the channel into {@code table}, fencing any older instance of it (a crashed or replaced
   * task's). With {@code resetTo} given, the channel's committed offset becomes that value first.
   */
  Channel open(String channelName, String table, Long resetTo) throws TargetException;

  /**
   * The last persisted offset of each channel, in one round trip. It does not tell whether a channel
   * is still valid (the SDK's batch call only logs a failed status): confirm with {@link
   * Channel#committedOffset()} where that matters.
   */
  Map<Channel, Long> committedOffsets(List<Channel> channels) throws TargetException;

  /** True once the client was closed, by the SDK after an unrecoverable internal error or by us. */
  boolean isClosed();

  @Override
  void close();

  /** One channel: the rows of one Kafka partition into one table, in offset order. */
  interface Channel {

    String name();

    String table();

    /**
     * Hands rows to the SDK, to be committed with {@code lastOffset} as the channel's token.
     *
     * @throws InvalidChannelException when the channel was invalidated and lost what it held
     */
    void insert(List<Row> rows, long lastOffset) throws TargetException;

    /**
     * The offset Snowflake has committed for the channel, -1 when none.
     *
     * @throws InvalidChannelException when Snowflake reports the channel's status as failed (the SDK's
     *     single-channel call invalidates the channel then)
     */
    long committedOffset() throws TargetException;

    /** False once the SDK has invalidated the channel (fenced, or a server-side error). */
    boolean isValid();

    /** Flushes what the channel holds and closes it. */
    CompletableFuture<Void> close();
  }

  /** The channel was invalidated: its uncommitted rows are gone; reopen it and resend from the committed offset. */
  final class InvalidChannelException extends TargetException {
    public InvalidChannelException(String message, Throwable cause) {
      super(message, true, cause);
    }
  }
}
