package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.ChannelStatus;
import com.snowflake.ingest.streaming.OpenChannelResult;
import com.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import com.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import io.github.variantconnect.sink.errors.RecordRejectedException;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.PartitionsRewoundException;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.snowflake.ConnectBudget;
import io.github.variantconnect.sink.target.snowflake.SnowflakeVariantRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snowpipe Streaming's high-performance architecture as a target: one channel per partition, on
 * the pipe of the partition's table, with the Kafka offset as offset token.
 *
 * <p>Exactly-once follows from the token: opening a channel fences any older owner and returns the
 * committed token, where the core resumes; rows at or below what a channel took are never sent
 * twice; Kafka is told only offsets whose token Snowflake committed. A channel found gone
 * (invalidated, fenced, its client closed or stuck) is reopened and the core re-reads the partition
 * from the token Snowflake kept. Validation is server-side in this architecture: a rise in a
 * channel's error count fails the task naming the partition and the offset bound Snowflake gives.
 */
public final class HpaTarget implements Target {

  private static final Logger log = LoggerFactory.getLogger(HpaTarget.class);
  private final HpaClients clients;
  private final TableCheck tables;
  private final TopicTableMap routing;
  private final PipeNames pipes;
  private final String connectorName;
  private final ConnectBudget budget;
  private final SnowflakeVariantRules rules = new SnowflakeVariantRules();
  private final Map<TopicPartition, HpaChannel> channels = new LinkedHashMap<>();
  private final Map<TopicPartition, SnowflakeStreamingIngestClient> openedThrough = new HashMap<>();
  /**
   * Rows Snowflake refused. Kept and thrown from every later call: the core only logs a failure
   * of the offset commit, and a rejection must fail the task, not scroll by in a log.
   */
  private TargetException rejected;

  /** Makes sure the tables exist before channels are opened on their pipes. */
  @FunctionalInterface
  public interface TableCheck {
    void ensure(Collection<String> tables) throws TargetException;
  }

  HpaTarget(HpaClients clients, TableCheck tables, TopicTableMap routing, PipeNames pipes, String connectorName,
      ConnectBudget budget) {
    this.clients = clients;
    this.tables = tables;
    this.routing = routing;
    this.pipes = pipes;
    this.connectorName = connectorName;
    this.budget = budget;
  }

  /** Raw input the core may parse; the VARIANT limit itself is one of the rules of {@link #refusal}. */
  @Override
  public long maxContentBytes() {
    return SnowflakeVariantRules.MAX_INPUT_BYTES;
  }

  /**
   * The VARIANT rules every Snowflake path shares (repeated keys, 16 MiB − 64 bytes): the server
   * would refuse such a row after its token had moved past it, so it is dead-lettered up front.
   */
  @Override
  public RecordRejectedException refusal(Row row) {
    return rules.refusal(row);
  }

  /**
   * Connecting happens here (the clients' logins, the channels' opens), so it runs within the
   * shared connect budget: a WARN naming the cause while it stalls, a failed task once it is spent.
   */
  @Override
  public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) throws TargetException {
    List<HpaChannel> opened = budget.call("opening the channels of " + partitions, () -> {
      tables.ensure(partitions.stream().map(tp -> routing.tableFor(tp.topic())).distinct().toList());
      Map<TopicPartition, String> resetTo = new HashMap<>();
      partitions.forEach(tp -> resetTo.put(tp, null));
      return openChannels(resetTo);
    }, failure -> HpaErrors.classify("opening the channels of " + partitions, failure));
    Map<TopicPartition, Long> committed = new HashMap<>();
    for (HpaChannel channel : opened) {
      if (channel.committed() >= 0) {
        committed.put(channel.partition, channel.committed());
      }
    }
    return committed;
  }

  /**
   * Opens channels, all at once (the rebalance callback waits for them, and one by one would take
   * a round trip each), within one call timeout. {@code null} keeps the committed token.
   */
  private List<HpaChannel> openChannels(Map<TopicPartition, String> resetTo) throws TargetException {
    Map<TopicPartition, Future<OpenChannelResult>> pending = new LinkedHashMap<>();
    Map<TopicPartition, SnowflakeStreamingIngestClient> through = new HashMap<>();
    for (Map.Entry<TopicPartition, String> entry : resetTo.entrySet()) {
      TopicPartition tp = entry.getKey();
      SnowflakeStreamingIngestClient client = clients.client(pipes.pipeFor(routing.tableFor(tp.topic())));
      String name = ChannelNames.of(connectorName, tp);
      String token = entry.getValue();
      through.put(tp, client);
      pending.put(tp, clients.submit(() -> token == null ? client.openChannel(name) : client.openChannel(name, token)));
    }
    List<HpaChannel> opened = new ArrayList<>();
    for (Map.Entry<TopicPartition, Future<OpenChannelResult>> entry : pending.entrySet()) {
      TopicPartition tp = entry.getKey();
      OpenChannelResult result = clients.await("opening the channel of " + tp, entry.getValue());
      ChannelStatus status = result.getChannelStatus();
      long committed = HpaChannel.parseToken(status.getLatestCommittedOffsetToken());
      String table = routing.tableFor(tp.topic());
      HpaChannel channel = channels.get(tp);
      if (channel == null) {
        channel = new HpaChannel(tp, table, pipes.pipeFor(table), result.getChannel(), committed,
            status.getRowsErrorCount());
        channels.put(tp, channel);
      } else {
        channel.reopened(result.getChannel(), committed, status.getRowsErrorCount());
      }
      openedThrough.put(tp, through.get(tp));
      opened.add(channel);
    }
    return opened;
  }

  @Override
  public void write(Batch batch) throws TargetException {
    if (rejected != null) {
      throw rejected;
    }
    List<TopicPartition> gone = new ArrayList<>();
    TargetException failure = null;
    for (PartitionBatch slice : batch.partitions()) {
      try {
        if (!append(slice)) {
          gone.add(slice.partition());
        }
      } catch (TargetException e) {
        // The other partitions still go: what they take is kept, and a retry skips it.
        failure = failure == null ? e : failure;
      }
    }
    rewindGone(gone, failure);
    if (failure != null) {
      throw failure;
    }
  }

  /** Appends the slice's new rows; false when the channel is gone and must be rewound. */
  private boolean append(PartitionBatch slice) throws TargetException {
    TopicPartition tp = slice.partition();
    HpaChannel channel = channels.get(tp);
    if (channel == null) {
      // Records of a partition the worker did not announce through open(): nothing is known of it.
      open(List.of(tp));
      channel = channels.get(tp);
    }
    if (isGone(channel)) {
      return false;
    }
    if (slice.lastOffset() <= channel.taken()) {
      return true;
    }
    List<Row> rows = new ArrayList<>(slice.rows().size());
    for (Row row : slice.rows()) {
      if (row.offset() > channel.taken()) {
        if (!row.table().equals(channel.table)) {
          throw TargetException.fatal("a record of " + tp + " at offset " + row.offset() + " is routed to table "
              + row.table() + ", but each partition is written through one channel into the table of its topic, "
              + channel.table + " (a transform renamed the topic?). Route by the original topic in"
              + " topic2table.map, or use snowflake.ingestion.method=JDBC", null);
        }
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      channel.skipped(slice.lastOffset());
      return true;
    }
    String first = Long.toString(rows.get(0).offset());
    String last = Long.toString(slice.lastOffset());
    List<Map<String, Object>> maps = HpaRows.of(rows);
    SnowflakeStreamingIngestChannel sdkChannel = channel.channel();
    try {
      clients.call("appending " + rows.size() + " rows of " + tp + " up to offset " + last, () -> {
        sdkChannel.appendRows(maps, first, last);
        return null;
      });
    } catch (TargetException e) {
      // As the official connector does: after a failed append the channel's state is unknown.
      log.warn("{}; reopening the channel of {} and rewinding to its committed token", e.getMessage(), tp);
      channel.gone();
      return false;
    }
    channel.sent(slice.lastOffset());
    return true;
  }

  /** Gone, or reopened without the core having been told to resend (a rewind that failed midway). */
  private boolean isGone(HpaChannel channel) {
    if (channel.rewindPending()) {
      return true;
    }
    if (channel.isGone() || clients.replaced(channel.pipe, openedThrough.get(channel.partition))) {
      channel.gone();
      return true;
    }
    return false;
  }

  /** Reopens gone channels and has the core resend their partitions from the committed tokens. */
  private void rewindGone(List<TopicPartition> gone, TargetException other) throws TargetException {
    if (gone.isEmpty()) {
      return;
    }
    Map<TopicPartition, String> keep = new HashMap<>();
    gone.forEach(tp -> keep.put(tp, null));
    Map<TopicPartition, Long> committed = new HashMap<>();
    for (HpaChannel channel : openChannels(keep)) {
      committed.put(channel.partition, channel.committed());
      channel.rewindReported();
      log.warn("Reopened channel {}; Snowflake committed up to offset {}, the rest is read from Kafka again",
          channel.channel().getChannelName(), channel.committed());
    }
    throw new PartitionsRewoundException("channels of " + committed.keySet() + " were lost and reopened",
        committed, other);
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) throws TargetException {
    if (rejected != null) {
      throw rejected;
    }
    List<TopicPartition> gone = new ArrayList<>();
    Map<String, List<HpaChannel>> byPipe = new LinkedHashMap<>();
    for (TopicPartition tp : partitions) {
      HpaChannel channel = channels.get(tp);
      if (channel == null) {
        continue;
      }
      if (isGone(channel)) {
        gone.add(tp);
      } else {
        byPipe.computeIfAbsent(channel.pipe, p -> new ArrayList<>()).add(channel);
      }
    }
    Map<TopicPartition, Long> committed = new HashMap<>();
    for (Map.Entry<String, List<HpaChannel>> entry : byPipe.entrySet()) {
      Map<String, ChannelStatus> statuses = ChannelStatuses.read(clients, entry.getKey(), entry.getValue());
      for (HpaChannel channel : entry.getValue()) {
        ChannelStatus status = statuses.get(channel.channel().getChannelName());
        if (!ChannelStatuses.valid(status)) {
          channel.gone();
          gone.add(channel.partition);
          continue;
        }
        try {
          RejectedRows.check(channel, status);
        } catch (TargetException e) {
          rejected = e;
          throw e;
        }
        long safe = channel.committed(HpaChannel.parseToken(status.getLatestCommittedOffsetToken()));
        if (safe >= 0) {
          committed.put(channel.partition, safe);
        }
      }
    }
    rewindGone(gone, null);
    return committed;
  }

  @Override
  public void resetOffsets(Map<TopicPartition, Long> nextOffsets) throws TargetException {
    Map<TopicPartition, String> resetTo = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> entry : nextOffsets.entrySet()) {
      TopicPartition tp = entry.getKey();
      long reset = entry.getValue() - 1;
      if (reset < 0) {
        // No token means "keep the persisted one" to openChannel; dropping the channel clears it.
        SnowflakeStreamingIngestClient client = clients.client(pipes.pipeFor(routing.tableFor(tp.topic())));
        clients.call("dropping the channel of " + tp, () -> {
          client.dropChannel(ChannelNames.of(connectorName, tp));
          return null;
        });
        resetTo.put(tp, null);
      } else {
        resetTo.put(tp, Long.toString(reset));
      }
    }
    tables.ensure(nextOffsets.keySet().stream().map(tp -> routing.tableFor(tp.topic())).distinct().toList());
    for (HpaChannel channel : openChannels(resetTo)) {
      channel.rewindReported();
      log.warn("Channel {} reset to offset token {}", channel.channel().getChannelName(), channel.committed());
    }
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    List<HpaChannel> closing = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      HpaChannel channel = channels.remove(tp);
      openedThrough.remove(tp);
      if (channel != null) {
        closing.add(channel);
      }
    }
    ChannelStatuses.closeAll(clients, closing);
  }

  @Override
  public void close() {
    ChannelStatuses.closeAll(clients, new ArrayList<>(channels.values()));
    channels.clear();
    openedThrough.clear();
    clients.close();
  }
}
