package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.ChannelStatusBatch;
import com.snowflake.ingest.streaming.OpenChannelResult;
import com.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A client that forwards every call, for tests that change one of them (a slow or stuck open). */
class DelegatingClient implements SnowflakeStreamingIngestClient {

  private final SnowflakeStreamingIngestClient delegate;

  DelegatingClient(SnowflakeStreamingIngestClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public CompletableFuture<Void> close(boolean waitForFlush, Duration timeoutDuration) {
    return delegate.close(waitForFlush, timeoutDuration);
  }

  @Override
  public void initiateFlush() {
    delegate.initiateFlush();
  }

  @Override
  public OpenChannelResult openChannel(String channelName) {
    return delegate.openChannel(channelName);
  }

  @Override
  public OpenChannelResult openChannel(String channelName, String offsetToken) {
    return delegate.openChannel(channelName, offsetToken);
  }

  @Override
  public void dropChannel(String channelName) {
    delegate.dropChannel(channelName);
  }

  @Override
  public Map<String, String> getLatestCommittedOffsetTokens(List<String> channelNames) {
    return delegate.getLatestCommittedOffsetTokens(channelNames);
  }

  @Override
  public ChannelStatusBatch getChannelStatus(List<String> channelNames) {
    return delegate.getChannelStatus(channelNames);
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public CompletableFuture<Void> waitForFlush(Duration timeoutDuration) {
    return delegate.waitForFlush(timeoutDuration);
  }

  @Override
  public String getDBName() {
    return delegate.getDBName();
  }

  @Override
  public String getSchemaName() {
    return delegate.getSchemaName();
  }

  @Override
  public String getPipeName() {
    return delegate.getPipeName();
  }

  @Override
  public String getClientName() {
    return delegate.getClientName();
  }
}
