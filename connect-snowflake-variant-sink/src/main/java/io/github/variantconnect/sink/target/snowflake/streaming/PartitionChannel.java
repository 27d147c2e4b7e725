package io.github.variantconnect.sink.target.snowflake.streaming;

/**
 * Where one partition's channel stands. Offsets only grow, except when the channel is reopened
 * after an invalidation, which puts all three back to what Snowflake committed.
 *
 * <ul>
 *   <li>{@code committed}: the token Snowflake last reported committed;
 *   <li>{@code sent}: the token of the last insert with rows, committed or not;
 *   <li>{@code taken}: the last offset the channel is done with, including trailing records that
 *       made no row (ignored tombstones, dead letters), which are never sent.
 * </ul>
 */
final class PartitionChannel {

  private StreamingIngest.Channel channel;
  private long committed;
  private long sent;
  private long taken;
  /** The channel was found invalid; it must be reopened before anything is sent through it. */
  private boolean invalid;
  /** Reopened after an invalidation: the core has not yet been told to resend from {@code committed}. */
  private boolean rewindPending;

  PartitionChannel(StreamingIngest.Channel channel, long committed) {
    reopened(channel, committed);
    this.rewindPending = false;
  }

  StreamingIngest.Channel channel() {
    return channel;
  }

  void reopened(StreamingIngest.Channel fresh, long committedOffset) {
    channel = fresh;
    committed = committedOffset;
    sent = committedOffset;
    taken = committedOffset;
    invalid = false;
    rewindPending = true;
  }

  void invalidated() {
    invalid = true;
  }

  boolean invalid() {
    return invalid;
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

  void sent(long lastOffset) {
    sent = lastOffset;
    taken = lastOffset;
  }

  /** Records without rows up to {@code lastOffset}: nothing to send, nothing Snowflake must commit. */
  void skipped(long lastOffset) {
    taken = Math.max(taken, lastOffset);
  }

  long committed() {
    return committed;
  }

  /** True while rows were sent that Snowflake has not yet reported committed. */
  boolean lagging(long token) {
    return token < sent;
  }

  /**
   * Takes the token Snowflake reports and returns the offset safe to report to Kafka: the token,
   * or everything taken once every insert with rows is committed.
   */
  long committed(long token) {
    committed = token;
    return token >= sent ? Math.max(token, taken) : token;
  }
}
