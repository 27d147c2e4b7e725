package io.github.variantconnect.sink.target.snowflake;

/**
 * Where one partition's Snowpipe Streaming channel stands, on either streaming architecture.
 * Offsets only grow, except when the channel is reopened, which puts all three back to what
 * Snowflake committed.
 *
 * <ul>
 *   <li>{@code committed}: the token Snowflake last reported committed;
 *   <li>{@code sent}: the token of the last append with rows, committed or not;
 *   <li>{@code taken}: the last offset the channel is done with, including trailing records that
 *       made no row (ignored tombstones, dead letters), which are never sent.
 * </ul>
 */
public abstract class ChannelPosition {

  private long committed;
  private long sent;
  private long taken;
  /** Reopened: the core has not yet been told to resend from {@code committed}. */
  private boolean rewindPending;

  protected ChannelPosition(long committed) {
    restart(committed);
    this.rewindPending = false;
  }

  /** The channel was (re)opened at {@code committedOffset}; everything after it is sent again. */
  protected final void restart(long committedOffset) {
    committed = committedOffset;
    sent = committedOffset;
    taken = committedOffset;
    rewindPending = true;
  }

  public final boolean rewindPending() {
    return rewindPending;
  }

  public final void rewindReported() {
    rewindPending = false;
  }

  public final long taken() {
    return taken;
  }

  public final long committed() {
    return committed;
  }

  public final void sent(long lastOffset) {
    sent = lastOffset;
    taken = lastOffset;
  }

  /** Records without rows up to {@code lastOffset}: nothing to send, nothing Snowflake must commit. */
  public final void skipped(long lastOffset) {
    taken = Math.max(taken, lastOffset);
  }

  /** True while rows were sent that Snowflake has not yet reported committed. */
  public final boolean lagging(long token) {
    return token < sent;
  }

  /**
   * Takes the token Snowflake reports and returns the offset safe to report to Kafka: the token,
   * or everything taken once every append with rows is committed.
   */
  public final long committed(long token) {
    committed = token;
    return token >= sent ? Math.max(token, taken) : token;
  }
}
