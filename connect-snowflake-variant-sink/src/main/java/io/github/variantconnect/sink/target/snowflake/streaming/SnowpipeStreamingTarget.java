package io.github.variantconnect.sink.target.snowflake.streaming;

import io.github.variantconnect.sink.errors.RecordRejectedException;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.PartitionsRewoundException;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.snowflake.JdbcConnector;
import io.github.variantconnect.sink.target.snowflake.SnowflakeTables;
import io.github.variantconnect.sink.target.snowflake.SnowflakeVariantRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snowpipe Streaming as a target: one channel per partition, named after the connector, topic and
 * partition, writing into the table of the partition's topic; each insert carries the batch's last
 * Kafka offset as the channel's offset token.
 *
 * <p>Exactly-once follows from the token: opening a channel fences any older owner and returns the
 * committed token, where the core resumes; rows at or below what a channel has taken are never sent
 * twice; and Kafka is told only offsets whose token Snowflake has committed. A channel found
 * invalidated (it dropped rows it had accepted) is reopened and the core re-reads the partition
 * from the token Snowflake kept, through {@link PartitionsRewoundException}.
 */
public final class SnowpipeStreamingTarget implements Target {

  private static final Logger log = LoggerFactory.getLogger(SnowpipeStreamingTarget.class);
  private static final long CLOSE_TIMEOUT_MS = 30_000;

  private final StreamingIngest.Connector connector;
  private final JdbcConnector jdbc;
  private final SnowflakeTables tables;
  private final TopicTableMap routing;
  private final String connectorName;
  private final Map<TopicPartition, PartitionChannel> channels = new LinkedHashMap<>();
  private final SnowflakeVariantRules rules = new SnowflakeVariantRules();
  private final ChannelOpener opener;
  private StreamingIngest ingest;

  /**
   * @param openBudget how long opening the channels of one rebalance may take, all in parallel
   */
  public SnowpipeStreamingTarget(StreamingIngest.Connector connector, JdbcConnector jdbc, SnowflakeTables tables,
      TopicTableMap routing, String connectorName, Duration openBudget) {
    this.connector = connector;
    this.jdbc = jdbc;
    this.tables = tables;
    this.routing = routing;
    this.connectorName = connectorName;
    this.opener = new ChannelOpener(openBudget);
  }

  @Override
  public long maxContentBytes() {
    return SnowflakeVariantRules.MAX_INPUT_BYTES;
  }

  @Override
  public RecordRejectedException refusal(Row row) {
    return rules.refusal(row);
  }

  @Override
  public Map<TopicPartition, Long> open(Collection<TopicPartition> partitions) throws TargetException {
    Set<String> needed = new TreeSet<>();
    partitions.forEach(tp -> needed.add(routing.tableFor(tp.topic())));
    tables.ensure(jdbc, needed);
    StreamingIngest client = ingest();
    Map<TopicPartition, PartitionChannel> opened = opener.openAll(List.copyOf(partitions), tp -> {
      StreamingIngest.Channel channel = client.open(channelName(tp), routing.tableFor(tp.topic()), null);
      return new PartitionChannel(channel, channel.committedOffset());
    });
    Map<TopicPartition, Long> committed = new HashMap<>();
    opened.forEach((tp, channel) -> {
      channels.put(tp, channel);
      if (channel.committed() >= 0) {
        committed.put(tp, channel.committed());
      }
    });
    return committed;
  }

  @Override
  public void write(Batch batch) throws TargetException {
    replaceClosedClient();
    Map<TopicPartition, Long> rewound = new LinkedHashMap<>();
    TargetException failure = null;
    for (PartitionBatch slice : batch.partitions()) {
      try {
        writeSlice(slice);
      } catch (StreamingIngest.InvalidChannelException e) {
        log.warn("{}; reopening it", e.getMessage());
        channels.get(slice.partition()).invalidated();
      } catch (TargetException e) {
        // The other partitions still go: what they take is kept, and a retry skips it.
        failure = failure == null ? e : failure;
      }
      PartitionChannel channel = channels.get(slice.partition());
      if (channel != null && (channel.invalid() || channel.rewindPending())) {
        try {
          reopenIfInvalid(slice.partition(), channel);
          rewound.put(slice.partition(), channel.committed());
        } catch (TargetException e) {
          failure = failure == null ? e : failure;
        }
      }
    }
    if (!rewound.isEmpty()) {
      throw rewoundException(rewound, failure);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void writeSlice(PartitionBatch slice) throws TargetException {
    TopicPartition tp = slice.partition();
    PartitionChannel channel = channels.get(tp);
    if (channel == null) {
      // Records of a partition the worker did not announce through open(): nothing is known of it.
      tables.ensure(jdbc, List.of(routing.tableFor(tp.topic())));
      channel = openChannel(tp, null);
    }
    if (channel.invalid() || channel.rewindPending() || slice.lastOffset() <= channel.taken()) {
      return;
    }
    if (!channel.channel().isValid()) {
      channel.invalidated();
      return;
    }
    List<Row> rows = new ArrayList<>(slice.rows().size());
    for (Row row : slice.rows()) {
      if (row.offset() > channel.taken()) {
        if (!row.table().equals(channel.channel().table())) {
          throw TargetException.fatal("a record of " + tp + " at offset " + row.offset() + " is routed to table "
              + row.table() + ", but Snowpipe Streaming writes each partition through one channel into the table"
              + " of its topic, " + channel.channel().table() + " (a transform renamed the topic?). Route by the"
              + " original topic in topic2table.map, or use snowflake.ingestion.method=JDBC", null);
        }
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      channel.skipped(slice.lastOffset());
    } else {
      channel.channel().insert(rows, slice.lastOffset());
      channel.sent(slice.lastOffset());
    }
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) throws TargetException {
    replaceClosedClient();
    List<StreamingIngest.Channel> asked = new ArrayList<>();
    Map<StreamingIngest.Channel, PartitionChannel> byChannel = new HashMap<>();
    Map<TopicPartition, Long> rewound = new LinkedHashMap<>();
    for (TopicPartition tp : partitions) {
      PartitionChannel channel = channels.get(tp);
      if (channel == null) {
        continue;
      }
      if (!channel.invalid() && !channel.channel().isValid()) {
        channel.invalidated();
      }
      if (channel.invalid() || channel.rewindPending()) {
        reopenIfInvalid(tp, channel);
        rewound.put(tp, channel.committed());
      } else {
        asked.add(channel.channel());
        byChannel.put(channel.channel(), channel);
      }
    }
    Map<StreamingIngest.Channel, Long> tokens = asked.isEmpty() ? Map.of() : tokens(asked, byChannel);
    for (TopicPartition tp : partitions) {
      PartitionChannel channel = channels.get(tp);
      if (channel != null && channel.invalid()) {
        reopenIfInvalid(tp, channel);
        rewound.put(tp, channel.committed());
      }
    }
    if (!rewound.isEmpty()) {
      throw rewoundException(rewound, null);
    }
    Map<TopicPartition, Long> committed = new HashMap<>();
    for (TopicPartition tp : partitions) {
      PartitionChannel channel = channels.get(tp);
      Long token = channel == null ? null : tokens.get(channel.channel());
      if (token != null && byChannel.containsKey(channel.channel())) {
        long safe = channel.committed(token);
        if (safe >= 0) {
          committed.put(tp, safe);
        }
      }
    }
    return committed;
  }

  /**
   * Committed tokens in one round trip; then, for each channel still behind what was sent, its own
   * status: only the single-channel call reports an invalid channel (it throws and invalidates it),
   * the batch call just returns the last persisted token. A channel that is caught up has nothing
   * at risk; its invalidation shows on its next insert.
   */
  private Map<StreamingIngest.Channel, Long> tokens(List<StreamingIngest.Channel> asked,
      Map<StreamingIngest.Channel, PartitionChannel> byChannel) throws TargetException {
    Map<StreamingIngest.Channel, Long> tokens = new HashMap<>(ingest().committedOffsets(asked));
    for (StreamingIngest.Channel channel : asked) {
      Long token = tokens.get(channel);
      if (token == null || byChannel.get(channel).lagging(token)) {
        try {
          tokens.put(channel, channel.committedOffset());
        } catch (StreamingIngest.InvalidChannelException invalid) {
          log.warn("{}; reopening it", invalid.getMessage());
          byChannel.get(channel).invalidated();
          tokens.remove(channel);
        }
      }
    }
    return tokens;
  }

  @Override
  public void resetOffsets(Map<TopicPartition, Long> nextOffsets) throws TargetException {
    for (Map.Entry<TopicPartition, Long> entry : nextOffsets.entrySet()) {
      TopicPartition tp = entry.getKey();
      long reset = entry.getValue() - 1;
      tables.ensure(jdbc, List.of(routing.tableFor(tp.topic())));
      PartitionChannel old = channels.get(tp);
      PartitionChannel channel = openChannel(tp, reset);
      log.warn("Channel {} reset to offset token {} (was {})", channel.channel().name(), reset,
          old == null ? "unknown" : old.committed());
    }
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    List<PartitionChannel> closing = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      PartitionChannel channel = channels.remove(tp);
      if (channel != null) {
        closing.add(channel);
      }
    }
    closeAll(closing);
  }

  @Override
  public void close() {
    closeAll(new ArrayList<>(channels.values()));
    channels.clear();
    opener.close();
    if (ingest != null) {
      ingest.close();
      ingest = null;
    }
  }

  /**
   * Closing flushes what channels hold, so the next owner has less to redo; it is not needed for
   * correctness (the next owner's open fences these channels), hence the bounded wait.
   */
  private void closeAll(List<PartitionChannel> closing) {
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (PartitionChannel channel : closing) {
      futures.add(channel.channel().close());
    }
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Closing {} channels did not finish cleanly ({}); their next owner resends what was not committed",
          closing.size(), e.toString());
    }
  }

  private PartitionChannel openChannel(TopicPartition tp, Long resetTo) throws TargetException {
    StreamingIngest.Channel opened = ingest().open(channelName(tp), routing.tableFor(tp.topic()), resetTo);
    long committed = resetTo != null ? resetTo : opened.committedOffset();
    PartitionChannel channel = new PartitionChannel(opened, committed);
    channels.put(tp, channel);
    return channel;
  }

  private void reopenIfInvalid(TopicPartition tp, PartitionChannel channel) throws TargetException {
    if (!channel.invalid()) {
      return;
    }
    StreamingIngest.Channel fresh = ingest().open(channelName(tp), channel.channel().table(), null);
    long committed = fresh.committedOffset();
    channel.reopened(fresh, committed);
    log.warn("Reopened channel {}; Snowflake committed up to offset {}, the rest is read from Kafka again",
        fresh.name(), committed);
  }

  private PartitionsRewoundException rewoundException(Map<TopicPartition, Long> rewound, TargetException other) {
    rewound.keySet().forEach(tp -> channels.get(tp).rewindReported());
    return new PartitionsRewoundException("channels of " + rewound.keySet() + " were invalidated and reopened", rewound,
        other);
  }

  /**
   * A client the SDK closed (after an internal error) is dropped; its channels went with it, so
   * they are reopened through a new client and their partitions rewound.
   */
  private void replaceClosedClient() {
    if (ingest != null && ingest.isClosed()) {
      log.warn("The Snowpipe Streaming client was closed; starting a new one and reopening {} channels",
          channels.size());
      ingest = null;
      channels.values().forEach(PartitionChannel::invalidated);
    }
  }

  private StreamingIngest ingest() throws TargetException {
    replaceClosedClient();
    if (ingest == null) {
      ingest = connector.connect();
    }
    return ingest;
  }

  /** As the official connector's channels are scoped by table, ours are by connector too. */
  public String channelName(TopicPartition tp) {
    return ChannelNames.of(connectorName, tp);
  }
}
