package io.github.variantconnect.sink.target.snowflake.streaming;

import io.github.variantconnect.sink.target.snowflake.ChannelPosition;

/** One partition's classic Snowpipe Streaming channel and where it stands. */
final class PartitionChannel extends ChannelPosition {

  private StreamingIngest.Channel channel;
  /** The channel was found invalid; it must be reopened before anything is sent through it. */
  private boolean invalid;

  PartitionChannel(StreamingIngest.Channel channel, long committed) {
    super(committed);
    this.channel = channel;
  }

  StreamingIngest.Channel channel() {
    return channel;
  }

  void reopened(StreamingIngest.Channel fresh, long committedOffset) {
    channel = fresh;
    invalid = false;
    restart(committedOffset);
  }

  void invalidated() {
    invalid = true;
  }

  boolean invalid() {
    return invalid;
  }
}
