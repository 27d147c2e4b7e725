package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.ChannelStatus;
import com.snowflake.ingest.streaming.ChannelStatusBatch;
import com.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import io.github.variantconnect.sink.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading channel statuses in one round trip per pipe, and closing channels in parallel. */
final class ChannelStatuses {

  private static final Logger log = LoggerFactory.getLogger(ChannelStatuses.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private ChannelStatuses() {}

  /** Channel name to status, from {@code SnowflakeStreamingIngestClient#getChannelStatus(List)}. */
  static Map<String, ChannelStatus> read(HpaClients clients, String pipe, List<HpaChannel> channels)
      throws TargetException {
    SnowflakeStreamingIngestClient client = clients.client(pipe);
    List<String> names = channels.stream().map(c -> c.channel().getChannelName()).toList();
    ChannelStatusBatch batch = clients.call("reading the status of " + names.size() + " channels on pipe " + pipe,
        () -> client.getChannelStatus(names));
    Map<String, ChannelStatus> statuses = batch == null ? null : batch.getChannelStatusBatch();
    return statuses == null ? Map.of() : statuses;
  }

  /**
   * A channel Snowflake still considers valid. Any status code but {@code SUCCESS} means invalid,
   * as {@code SnowflakeStreamingIngestChannelInternal#checkForCommitWithDelay} reads it.
   */
  static boolean valid(ChannelStatus status) {
    return status != null && "SUCCESS".equals(status.getStatusCode());
  }

  /**
   * Closing flushes what channels hold, so the next owner has less to redo; correctness does not
   * need it (the next owner's open fences them), hence one bounded wait for all.
   */
  static void closeAll(HpaClients clients, List<HpaChannel> closing) {
    List<Future<Object>> futures = new ArrayList<>();
    for (HpaChannel channel : closing) {
      futures.add(clients.submit(() -> {
        channel.channel().close(true, CLOSE_TIMEOUT);
        return null;
      }));
    }
    long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
    int unclean = 0;
    for (Future<Object> future : futures) {
      try {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        unclean++;
        future.cancel(true);
      }
    }
    if (unclean > 0) {
      log.warn("{} of {} channels did not close cleanly; their next owner resends what was not committed", unclean,
          closing.size());
    }
  }
}
