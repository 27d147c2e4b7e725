package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import io.github.variantconnect.sink.target.snowflake.ChannelPosition;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition's high-performance channel and where it stands. {@code errorsSeen} is the
 * channel's server-side error count when this owner last looked, so a new rejection shows as a
 * rise.
 */
final class HpaChannel extends ChannelPosition {

  final TopicPartition partition;
  final String table;
  final String pipe;
  private SnowflakeStreamingIngestChannel channel;
  private long errorsSeen;
  private boolean gone;

  HpaChannel(TopicPartition partition, String table, String pipe, SnowflakeStreamingIngestChannel channel,
      long committed, long errorsSeen) {
    super(committed);
    this.partition = partition;
    this.table = table;
    this.pipe = pipe;
    this.channel = channel;
    this.errorsSeen = errorsSeen;
  }

  SnowflakeStreamingIngestChannel channel() {
    return channel;
  }

  void reopened(SnowflakeStreamingIngestChannel fresh, long committedOffset, long errors) {
    channel = fresh;
    errorsSeen = errors;
    gone = false;
    restart(committedOffset);
  }

  /** The channel lost what it held (invalidated, fenced, its client closed): reopen before use. */
  void gone() {
    gone = true;
  }

  boolean isGone() {
    return gone || channel.isClosed();
  }

  long errorsSeen() {
    return errorsSeen;
  }

  void errorsSeen(long count) {
    errorsSeen = count;
  }

  static long parseToken(String token) {
    return token == null || token.isBlank() ? -1 : Long.parseLong(token.trim());
  }
}
