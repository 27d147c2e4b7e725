package io.github.variantconnect.sink.target.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.sink.target.snowflake.streaming.SdkStreamingIngest;
import io.github.variantconnect.sink.target.snowflake.streaming.StreamingIngest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.snowflake.ingest.utils.SFException;

/**
 * A Snowflake account in memory, the server side of the fakes: tables of committed rows, offsets
 * tables, and each streaming channel's committed offset token and owner. It outlives the clients,
 * connections and tasks using it, so crashes and restarts can be played against it; failures can
 * be queued for the next calls.
 */
public final class FakeSnowflake {

  public static final String DATABASE = "DB";
  public static final String SCHEMA = "RAW";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A committed row as a query would return it. */
  public record StoredRow(String table, String metadata, String content) {
    public JsonNode meta() {
      try {
        return JSON.readTree(metadata);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String topic() {
      return meta().path("topic").asText();
    }

    public int partition() {
      return meta().path("partition").asInt();
    }

    public long offset() {
      return meta().path("offset").asLong();
    }
  }

  /** A channel as the server knows it: the committed token, which opening owns it, and its status. */
  static final class ServerChannel {
    String committedToken;
    long generation;
    /** The server reports a failed status for the channel (a server-side error the client does not know yet). */
    boolean statusFailed;
  }

  /** Values the SDK refuses on insert, by a marker in RECORD_CONTENT (a type the table's column cannot take). */
  final List<String> refusedMarkers = new ArrayList<>();

  /** Rows whose content holds {@code marker} are refused on insert, as a value the column cannot take. */
  public FakeSnowflake refuseRowsContaining(String marker) {
    refusedMarkers.add(marker);
    return this;
  }

  /** Snowflake reports a failed status for the live channels ending with {@code suffix}; the client learns on its next call. */
  public void failChannelStatus(String channelSuffix) {
    channels.forEach((key, server) -> {
      if (key.endsWith("." + channelSuffix) || key.endsWith(channelSuffix)) {
        server.statusFailed = true;
      }
    });
  }

  final Map<String, Map<String, String>> tables = new LinkedHashMap<>();
  final List<StoredRow> rows = new ArrayList<>();
  final Map<String, Map<List<Object>, Long>> offsetTables = new HashMap<>();
  final Map<String, ServerChannel> channels = new HashMap<>();
  final List<FakeStreamingIngestChannel> openedChannels = new ArrayList<>();

  /** Failures for the next streaming calls, by call: "open", "insert", "tokens", "client". */
  final Map<String, Deque<RuntimeException>> streamingFailures = new HashMap<>();
  /** Failures for the next JDBC statements whose SQL starts with the key ("commit", "login" for those calls). */
  final Map<String, Deque<SQLException>> jdbcFailures = new HashMap<>();
  /** Applies a commit and then reports it as failed, as a connection lost at the wrong moment would. */
  boolean failAfterNextCommit;
  final FakeJdbc.Log jdbcLog = new FakeJdbc.Log();
  /** The session parameters of each JDBC connection, as they stood after each ALTER SESSION. */
  final List<Map<String, String>> sessionParameters = new ArrayList<>();
  int clientsCreated;

  public FakeSnowflake failStreaming(String call, RuntimeException failure) {
    streamingFailures.computeIfAbsent(call, c -> new ArrayDeque<>()).add(failure);
    return this;
  }

  public FakeSnowflake failJdbc(String sqlPrefixOrCall, SQLException failure) {
    jdbcFailures.computeIfAbsent(sqlPrefixOrCall, c -> new ArrayDeque<>()).add(failure);
    return this;
  }

  public void failAfterNextCommit() {
    failAfterNextCommit = true;
  }

  RuntimeException nextStreamingFailure(String call) {
    Deque<RuntimeException> queue = streamingFailures.get(call);
    return queue == null ? null : queue.poll();
  }

  SQLException nextJdbcFailure(String sql) {
    for (Map.Entry<String, Deque<SQLException>> entry : jdbcFailures.entrySet()) {
      if (sql.startsWith(entry.getKey()) && !entry.getValue().isEmpty()) {
        return entry.getValue().poll();
      }
    }
    return null;
  }

  /** A streaming client of this account, as the SDK's factory would build it. */
  public FakeStreamingIngestClient client(String name) {
    RuntimeException failure = nextStreamingFailure("client");
    if (failure != null) {
      throw failure;
    }
    clientsCreated++;
    return new FakeStreamingIngestClient(this, name);
  }

  /** The clients made so far, newest last. */
  final List<FakeStreamingIngestClient> clients = new ArrayList<>();

  /** What the target's connector supplies: the SDK adapter over a fake client. */
  public StreamingIngest.Connector streaming() {
    return () -> {
      try {
        FakeStreamingIngestClient client = client("test-client-" + clientsCreated);
        clients.add(client);
        return new SdkStreamingIngest(client, SnowflakeIdentifier.of(DATABASE),
            SnowflakeIdentifier.of(SCHEMA));
      } catch (SFException e) {
        throw SnowflakeErrors.classify("starting the Snowpipe Streaming client", e);
      }
    };
  }

  public JdbcConnector jdbc() {
    return () -> FakeJdbc.connect(this);
  }

  public SnowflakeTables tables() {
    return new SnowflakeTables(SnowflakeIdentifier.of(DATABASE), SnowflakeIdentifier.of(SCHEMA));
  }

  public static String qualified(String table) {
    return "\"" + DATABASE + "\".\"" + SCHEMA + "\".\"" + table + "\"";
  }

  /** Committed rows of a table, in commit order. */
  public List<StoredRow> rows(String table) {
    return rows.stream().filter(r -> r.table().equals(table)).toList();
  }

  public List<StoredRow> rows() {
    return List.copyOf(rows);
  }

  public boolean hasTable(String table) {
    return tables.containsKey(qualified(table));
  }

  /** Creates a table with the given columns, as an administrator would. */
  public void createTable(String table, Map<String, String> columns) {
    tables.put(qualified(table), new LinkedHashMap<>(columns));
  }

  /** The committed token of a channel, or null. */
  public String committedToken(String table, String channel) {
    ServerChannel server = channels.get(channelKey(table, channel));
    return server == null ? null : server.committedToken;
  }

  /** Sets a channel's committed token directly, as an earlier run of a topic of the same name left it. */
  public void setCommittedToken(String table, String channel, String token) {
    channels.computeIfAbsent(channelKey(table, channel), k -> new ServerChannel()).committedToken = token;
  }

  /** The offsets table row of a partition, or null. */
  public Long storedOffset(String offsetsTable, String connector, String topic, int partition) {
    Map<List<Object>, Long> table = offsetTables.get(qualified(offsetsTable));
    return table == null ? null : table.get(List.of(connector, topic, partition));
  }

  /** Server-side flush of every live channel: what they hold is committed with their latest tokens. */
  public void commitAll() {
    for (FakeStreamingIngestChannel channel : List.copyOf(openedChannels)) {
      channel.commit();
    }
  }

  /**
   * A failed flush of the live channels whose name ends with {@code suffix}: the SDK invalidates them
   * and they drop what they hold (FlushService#invalidateAllChannelsInBlob).
   */
  public void invalidate(String channelSuffix) {
    for (FakeStreamingIngestChannel channel : openedChannels) {
      if (channel.getName().endsWith(channelSuffix) && channel.isValid()) {
        channel.invalidate("server-side error");
      }
    }
  }

  static String channelKey(String table, String channel) {
    return qualified(table) + "." + channel;
  }

  /**
   * Opening a channel fences every earlier instance of it: a new generation (the SDK's client and
   * channel sequencers) owns it, and the status is fresh. Older instances are not told: they learn
   * when their next flush is refused or their status is read, as in the SDK (see {@link #commit}).
   */
  ServerChannel open(String table, String channel, String resetToken, boolean reset) {
    ServerChannel server = channels.computeIfAbsent(channelKey(table, channel), k -> new ServerChannel());
    server.generation++;
    server.statusFailed = false;
    if (reset) {
      server.committedToken = resetToken;
    }
    return server;
  }

  /** Whether the server answers a status request of this instance with success. */
  synchronized boolean statusOk(String table, String channel, long generation) {
    ServerChannel server = channels.get(channelKey(table, channel));
    return server != null && server.generation == generation && !server.statusFailed;
  }

  /**
   * Registers a flushed chunk. A fenced or failed channel's registration is refused, and the SDK then
   * invalidates the channel (RegisterService / FlushService#invalidateAllChannelsInBlob): returns false.
   */
  synchronized boolean commit(String table, String channel, long generation, List<Map<String, Object>> values,
      String token) {
    ServerChannel server = channels.get(channelKey(table, channel));
    if (server == null || server.generation != generation || server.statusFailed) {
      return false;
    }
    for (Map<String, Object> value : values) {
      rows.add(new StoredRow(table, Objects.toString(value.get("RECORD_METADATA")),
          Objects.toString(value.get("RECORD_CONTENT"))));
    }
    server.committedToken = token;
    return true;
  }
}
