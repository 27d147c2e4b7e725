package io.github.variantconnect.sink.target.snowflake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.snowflake.ingest.streaming.DropChannelRequest;
import net.snowflake.ingest.streaming.OpenChannelRequest;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import net.snowflake.ingest.utils.ErrorCode;
import net.snowflake.ingest.utils.SFException;

/** The SDK's client interface over a {@link FakeSnowflake} account, failing as the SDK does. */
public final class FakeStreamingIngestClient implements SnowflakeStreamingIngestClient {

  private final FakeSnowflake account;
  private final String name;
  private boolean closed;

  FakeStreamingIngestClient(FakeSnowflake account, String name) {
    this.account = account;
    this.name = name;
  }

  /** Thread-safe as the SDK's client (its channel cache is concurrent): targets open channels in parallel. */
  @Override
  public SnowflakeStreamingIngestChannel openChannel(OpenChannelRequest request) {
    synchronized (account) {
      return openChannelLocked(request);
    }
  }

  private SnowflakeStreamingIngestChannel openChannelLocked(OpenChannelRequest request) {
    checkOpen();
    RuntimeException failure = account.nextStreamingFailure("open");
    if (failure != null) {
      throw failure;
    }
    String table = request.getTableName();
    if (!account.hasTable(table)) {
      throw new SFException(ErrorCode.OPEN_CHANNEL_FAILURE,
          "Open channel request failed: The supplied table does not exist or is not authorized");
    }
    FakeSnowflake.ServerChannel server = account.open(table, request.getChannelName(), request.getOffsetToken(),
        request.isOffsetTokenProvided());
    FakeStreamingIngestChannel channel = new FakeStreamingIngestChannel(account, request.getDBName(),
        request.getSchemaName(), table, request.getChannelName(), server.generation);
    account.openedChannels.add(channel);
    return channel;
  }

  @Override
  public void dropChannel(DropChannelRequest request) {
    checkOpen();
    account.channels.remove(FakeSnowflake.channelKey(request.getTableName(), request.getChannelName()));
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public void setRefreshToken(String refreshToken) {}

  @Override
  public CompletableFuture<Void> flush() {
    account.commitAll();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /**
   * As SnowflakeStreamingIngestClientInternal#getLatestCommittedOffsetTokens (SDK 4.3.0): one status
   * request for all channels; a channel whose status is not success is only logged (in
   * #getChannelsStatus) and its last persisted token returned. Nothing throws, nothing is invalidated.
   */
  @Override
  public Map<String, String> getLatestCommittedOffsetTokens(List<SnowflakeStreamingIngestChannel> channels) {
    checkOpen();
    RuntimeException failure = account.nextStreamingFailure("tokens");
    if (failure != null) {
      throw failure;
    }
    Map<String, String> tokens = new HashMap<>();
    synchronized (account) {
      for (SnowflakeStreamingIngestChannel channel : channels) {
        tokens.put(channel.getFullyQualifiedName(), account.committedToken(channel.getTableName(), channel.getName()));
      }
    }
    return tokens;
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new SFException(ErrorCode.CLOSED_CLIENT);
    }
  }
}
