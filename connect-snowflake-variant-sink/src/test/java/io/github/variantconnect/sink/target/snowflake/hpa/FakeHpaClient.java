package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.ChannelStatus;
import com.snowflake.ingest.streaming.ChannelStatusBatch;
import com.snowflake.ingest.streaming.ErrorCode;
import com.snowflake.ingest.streaming.OpenChannelResult;
import com.snowflake.ingest.streaming.SFException;
import com.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import com.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** {@link SnowflakeStreamingIngestClient} over {@link FakeHpaAccount}: one client per pipe, as the SDK binds it. */
final class FakeHpaClient implements SnowflakeStreamingIngestClient {

  private final FakeHpaAccount account;
  private final String name;
  private final String pipe;
  private final Map<String, FakeChannel> channels = new HashMap<>();
  volatile boolean closed;

  FakeHpaClient(FakeHpaAccount account, String name, String pipe) {
    this.account = account;
    this.name = name;
    this.pipe = pipe;
  }

  @Override
  public OpenChannelResult openChannel(String channelName) {
    return open(channelName, null, false);
  }

  @Override
  public OpenChannelResult openChannel(String channelName, String offsetToken) {
    return open(channelName, offsetToken, true);
  }

  private OpenChannelResult open(String channelName, String token, boolean withToken) {
    checkOpen();
    int generation = account.open(pipe, channelName, token, withToken);
    FakeChannel channel = new FakeChannel(channelName, generation);
    channels.put(channelName, channel);
    return new OpenChannelResult(channel, account.status(pipe, channelName, generation));
  }

  /** ErrorCode.CLOSED_CLIENT_ERROR once closed, as {@code waitForFlush}'s javadoc says of a closed client. */
  private void checkOpen() {
    if (closed) {
      throw new SFException(ErrorCode.CLOSED_CLIENT_ERROR, "client " + name + " is closed");
    }
  }

  @Override
  public ChannelStatusBatch getChannelStatus(List<String> channelNames) {
    checkOpen();
    Map<String, ChannelStatus> statuses = new HashMap<>();
    for (String channelName : channelNames) {
      FakeChannel channel = channels.get(channelName);
      statuses.put(channelName, account.status(pipe, channelName, channel == null ? -1 : channel.generation));
    }
    return new ChannelStatusBatch(statuses);
  }

  @Override
  public Map<String, String> getLatestCommittedOffsetTokens(List<String> channelNames) {
    Map<String, String> tokens = new HashMap<>();
    getChannelStatus(channelNames).getChannelStatusBatch()
        .forEach((channel, status) -> tokens.put(channel, status.getLatestCommittedOffsetToken()));
    return tokens;
  }

  @Override
  public void dropChannel(String channelName) {
    checkOpen();
    account.drop(pipe, channelName);
    channels.remove(channelName);
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public CompletableFuture<Void> close(boolean waitForFlush, Duration timeoutDuration) {
    closed = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void initiateFlush() {}

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public CompletableFuture<Void> waitForFlush(Duration timeoutDuration) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String getDBName() {
    return "DB";
  }

  @Override
  public String getSchemaName() {
    return "SCHEMA";
  }

  @Override
  public String getPipeName() {
    return pipe;
  }

  @Override
  public String getClientName() {
    return name;
  }

  /** A channel handle; the server side decides whether it is still the current owner. */
  final class FakeChannel implements SnowflakeStreamingIngestChannel {

    private final String channelName;
    final int generation;
    private boolean channelClosed;

    FakeChannel(String channelName, int generation) {
      this.channelName = channelName;
      this.generation = generation;
    }

    @Override
    public void appendRow(Map<String, Object> row, String offsetToken) {
      appendRows(List.of(row), offsetToken, offsetToken);
    }

    /** {@code appendRows(rows, start, end)}: the batch is committed later with {@code end} as the token. */
    @Override
    public void appendRows(Iterable<Map<String, Object>> rows, String startOffsetToken, String endOffsetToken) {
      checkOpen();
      if (channelClosed) {
        throw new SFException(ErrorCode.CLOSED_CHANNEL_ERROR, "channel " + channelName + " is closed");
      }
      account.append(pipe, channelName, generation, rows, endOffsetToken);
    }

    @Override
    public String getLatestCommittedOffsetToken() {
      return getChannelStatus().getLatestCommittedOffsetToken();
    }

    @Override
    public ChannelStatus getChannelStatus() {
      return account.status(pipe, channelName, generation);
    }

    @Override
    public void close() {
      channelClosed = true;
    }

    @Override
    public void close(boolean waitForFlush, Duration timeoutDuration) {
      channelClosed = true;
    }

    @Override
    public CompletableFuture<Void> waitForCommit(Predicate<String> tokenChecker, Duration timeoutDuration) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> waitForFlush(Duration timeoutDuration) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void initiateFlush() {}

    @Override
    public boolean isClosed() {
      return channelClosed || closed;
    }

    @Override
    public String getChannelName() {
      return channelName;
    }

    @Override
    public String getDBName() {
      return "DB";
    }

    @Override
    public String getSchemaName() {
      return "SCHEMA";
    }

    @Override
    public String getPipeName() {
      return pipe;
    }

    @Override
    public String getFullyQualifiedPipeName() {
      return "DB.SCHEMA." + pipe;
    }

    @Override
    public String getFullyQualifiedChannelName() {
      return "DB.SCHEMA." + pipe + "." + channelName;
    }
  }
}
