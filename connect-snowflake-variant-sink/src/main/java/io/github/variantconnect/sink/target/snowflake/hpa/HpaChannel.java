package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where one partition's channel stands. {@code committed} is the token Snowflake last reported,
 * {@code sent} the token of the last append with rows, {@code taken} the last offset the channel
 * is done with (trailing records that made no row are taken but never sent). Reopening puts all
 * three back to what Snowflake committed. {@code errorsSeen} is the channel's server-side error
 * count when this owner last looked, so a new rejection shows as a rise.
 */
final class HpaChannel {

  final TopicPartition partition;
  final String table;
  final String pipe;
  private SnowflakeStreamingIngestChannel channel;
  private long committed;
  private long sent;
  private long taken;
  private long errorsSeen;
  private boolean gone;
  private boolean rewindPending;

  HpaChannel(TopicPartition partition, String table, String pipe, SnowflakeStreamingIngestChannel channel,
      long committed, long errorsSeen) {
    this.partition = partition;
    this.table = table;
    this.pipe = pipe;
    reopened(channel, committed, errorsSeen);
    this.rewindPending = false;
  }

  SnowflakeStreamingIngestChannel channel() {
    return channel;
  }

  void reopened(SnowflakeStreamingIngestChannel fresh, long committedOffset, long errors) {
    channel = fresh;
    committed = committedOffset;
    sent = committedOffset;
    taken = committedOffset;
    errorsSeen = errors;
    gone = false;
    rewindPending = true;
  }

  /** The channel lost what it held (invalidated, fenced, its client closed): reopen before use. */
  void gone() {
    gone = true;
  }

  boolean isGone() {
    return gone || channel.isClosed();
  }

  boolean rewindPending() {
    return rewindPending;
  }

  void rewindReported() {
    rewindPending = false;
  }

  long taken() {
    return taken;
  }

  long committed() {
    return committed;
  }

  void sent(long lastOffset) {
    sent = lastOffset;
    taken = lastOffset;
  }

  void skipped(long lastOffset) {
    taken = Math.max(taken, lastOffset);
  }

  long errorsSeen() {
    return errorsSeen;
  }

  void errorsSeen(long count) {
    errorsSeen = count;
  }

  /**
   * Takes the token Snowflake reports and returns the offset safe to report to Kafka: the token,
   * or everything taken once every append with rows is committed.
   */
  long committed(long token) {
    committed = token;
    return token >= sent ? Math.max(token, taken) : token;
  }

  static long parseToken(String token) {
    return token == null || token.isBlank() ? -1 : Long.parseLong(token.trim());
  }
}
