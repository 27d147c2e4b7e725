package io.github.variantconnect.sink.target.snowflake.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snowflake.ingest.streaming.ChannelStatus;
import com.snowflake.ingest.streaming.ErrorCode;
import com.snowflake.ingest.streaming.SFException;
import com.snowflake.ingest.streaming.SdkRowWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An in-memory Snowflake account as the high-performance SDK sees it: pipes, channels with offset
 * tokens, rows committed into tables. Each behaviour cites the SDK method or doc it follows.
 */
public final class FakeHpaAccount {

  /** A committed row as Snowflake would hold it: the two VARIANT columns as the JSON text parsed. */
  public record StoredRow(String pipe, String channel, String metadataText, String contentText) {}

  static final class ServerChannel {
    String committedToken;
    int generation;
    boolean invalid;
    long errors;
    String lastErrorUpperBound;
    String lastErrorMessage;
    final List<Pending> pending = new ArrayList<>();
  }

  record Pending(int generation, List<Map<String, String>> rows, String endToken) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, Map<String, ServerChannel>> pipes = new HashMap<>();
  public final List<StoredRow> stored = new ArrayList<>();
  final List<FakeHpaClient> clients = new ArrayList<>();
  /** Rows the server refuses (server-side validation in the high-performance architecture). */
  public Predicate<String> rejectContent = content -> false;
  /** When set, creating a client fails with it (an unresolvable account, a refused key). */
  public RuntimeException connectFailure;
  int opens;

  public HpaClientFactory factory() {
    return (clientName, pipe) -> {
      if (connectFailure != null) {
        throw connectFailure;
      }
      FakeHpaClient client = new FakeHpaClient(this, clientName, pipe);
      clients.add(client);
      return client;
    };
  }

  synchronized ServerChannel channel(String pipe, String name) {
    return pipes.computeIfAbsent(pipe, p -> new HashMap<>()).computeIfAbsent(name, n -> new ServerChannel());
  }

  /**
   * Opening fences: the server bumps the channel's generation, older handles become invalid and
   * their unflushed rows are dropped ({@code SnowflakeStreamingIngestClient#openChannel}: "The
   * channel will reuse the latest persisted offset token if the channel is reopened"; a reopen
   * invalidates earlier instances, https://docs.snowflake.com/en/user-guide/snowpipe-streaming/snowpipe-streaming-high-performance-overview).
   * A given token replaces the persisted one ({@code openChannel(String, String)}).
   */
  synchronized int open(String pipe, String name, String token, boolean withToken) {
    opens++;
    ServerChannel channel = channel(pipe, name);
    channel.generation++;
    channel.invalid = false;
    channel.pending.clear();
    if (withToken) {
      channel.committedToken = token;
    }
    return channel.generation;
  }

  /**
   * The SDK serialises each row map to NDJSON ({@code SnowflakeStreamingIngestChannelInternal#
   * serializeRowsToBytes}); the server parses a String given for a VARIANT column as JSON text
   * ({@code SnowflakeStreamingIngestChannel#appendRow} javadoc). The fake runs the SDK's writer and
   * keeps the strings that arrive, so what lands is what the real client would send.
   */
  synchronized void append(String pipe, String name, int generation, Iterable<Map<String, Object>> rows,
      String endToken) {
    ServerChannel channel = channel(pipe, name);
    if (channel.generation != generation || channel.invalid) {
      // ErrorCode.INVALID_CHANNEL_ERROR: the handle is no longer the channel's current owner.
      throw new SFException(ErrorCode.INVALID_CHANNEL_ERROR, "channel " + name + " is invalid");
    }
    List<Map<String, String>> received = new ArrayList<>();
    try {
      for (String line : new String(SdkRowWriter.ndjson(rows), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        JsonNode row = JSON.readTree(line);
        received.add(Map.of(HpaRows.METADATA, row.get(HpaRows.METADATA).textValue(), HpaRows.CONTENT,
            row.get(HpaRows.CONTENT).textValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel.pending.add(new Pending(generation, received, endToken));
  }

  /**
   * The server commits what channels sent, advancing each channel's token to the last batch's end
   * token; a row failing validation is counted in {@code ChannelStatus#getRowsErrorCount} with the
   * batch's end token as {@code getLastErrorOffsetTokenUpperBound}, and the token still moves on.
   */
  public synchronized void commitAll() {
    for (Map.Entry<String, Map<String, ServerChannel>> pipe : pipes.entrySet()) {
      for (Map.Entry<String, ServerChannel> entry : pipe.getValue().entrySet()) {
        ServerChannel channel = entry.getValue();
        for (Pending pending : channel.pending) {
          for (Map<String, String> row : pending.rows()) {
            if (rejectContent.test(row.get(HpaRows.CONTENT))) {
              channel.errors++;
              channel.lastErrorUpperBound = pending.endToken();
              channel.lastErrorMessage = "Error parsing the value of column RECORD_CONTENT";
            } else {
              stored.add(new StoredRow(pipe.getKey(), entry.getKey(), row.get(HpaRows.METADATA),
                  row.get(HpaRows.CONTENT)));
            }
          }
          channel.committedToken = pending.endToken();
        }
        channel.pending.clear();
      }
    }
  }

  /** Server-side invalidation: unflushed rows are lost and the status code is no longer SUCCESS. */
  public synchronized void invalidate(String pipe, String name) {
    ServerChannel channel = channel(pipe, name);
    channel.invalid = true;
    channel.pending.clear();
  }

  /**
   * {@code ChannelStatus} as {@code SnowflakeStreamingIngestClient#getChannelStatus} returns it;
   * {@code SUCCESS} is the code of a valid channel ({@code SnowflakeStreamingIngestChannelInternal#
   * checkForCommitWithDelay} treats any other as invalid).
   */
  synchronized ChannelStatus status(String pipe, String name, int generation) {
    ServerChannel channel = channel(pipe, name);
    String code = channel.invalid || channel.generation != generation ? "INVALID_CHANNEL" : "SUCCESS";
    return new ChannelStatus("DB", "SCHEMA", pipe, name, code, channel.committedToken, Instant.EPOCH, 0, 0,
        channel.errors, channel.lastErrorUpperBound, channel.lastErrorMessage, null, null, Instant.EPOCH);
  }

  /** {@code dropChannel}: the channel and its offset token are deleted; a new open starts afresh. */
  synchronized void drop(String pipe, String name) {
    pipes.getOrDefault(pipe, new HashMap<>()).remove(name);
  }

  /** Sets a channel's committed token, as an earlier owner would have left it. */
  public synchronized void setCommittedToken(String pipe, String name, String token) {
    channel(pipe, name).committedToken = token;
  }

  public synchronized String committedToken(String pipe, String name) {
    return channel(pipe, name).committedToken;
  }

  /** Offsets of the rows committed for a topic-partition, read from RECORD_METADATA. */
  public synchronized List<Long> offsets(String topic, int partition) {
    List<Long> offsets = new ArrayList<>();
    for (StoredRow row : stored) {
      try {
        JsonNode metadata = JSON.readTree(row.metadataText());
        if (metadata.get("topic").asText().equals(topic) && metadata.get("partition").asInt() == partition) {
          offsets.add(metadata.get("offset").asLong());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return offsets;
  }
}
