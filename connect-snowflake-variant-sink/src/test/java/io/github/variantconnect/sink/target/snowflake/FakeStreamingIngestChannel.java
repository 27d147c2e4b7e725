package io.github.variantconnect.sink.target.snowflake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.snowflake.ingest.streaming.InsertValidationResponse;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import net.snowflake.ingest.streaming.internal.ColumnProperties;
import net.snowflake.ingest.utils.ErrorCode;
import net.snowflake.ingest.utils.SFException;

/**
 * The SDK's channel interface: rows are buffered with their offset token until the account
 * commits them (the SDK's flush), and lost if the channel is invalidated first — as a channel
 * fenced by a newer owner or hit by a server-side error loses them.
 */
public final class FakeStreamingIngestChannel implements SnowflakeStreamingIngestChannel {

  private static final Set<String> COLUMNS = Set.of("RECORD_METADATA", "RECORD_CONTENT");

  private final FakeSnowflake account;
  private final String database;
  private final String schema;
  private final String table;
  private final String name;
  private final long generation;
  private final List<Map<String, Object>> buffered = new ArrayList<>();
  private String bufferedToken;
  private boolean valid = true;
  private boolean closed;
  private String invalidation;

  FakeStreamingIngestChannel(FakeSnowflake account, String database, String schema, String table, String name,
      long generation) {
    this.account = account;
    this.database = database;
    this.schema = schema;
    this.table = table;
    this.name = name;
    this.generation = generation;
  }

  void invalidate(String cause) {
    valid = false;
    invalidation = cause;
    buffered.clear();
    bufferedToken = null;
  }

  /** The SDK's background flush: buffered rows and their token become committed together. */
  void commit() {
    if (valid && bufferedToken != null) {
      account.commit(table, name, generation, List.copyOf(buffered), bufferedToken);
    }
    buffered.clear();
    bufferedToken = null;
  }

  public int bufferedRows() {
    return buffered.size();
  }

  @Override
  public String getFullyQualifiedName() {
    return database + "." + schema + "." + table + "." + name;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getDBName() {
    return database;
  }

  @Override
  public String getSchemaName() {
    return schema;
  }

  @Override
  public String getTableName() {
    return table;
  }

  @Override
  public String getFullyQualifiedTableName() {
    return database + "." + schema + "." + table;
  }

  @Override
  public boolean isValid() {
    return valid;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public CompletableFuture<Void> close() {
    return close(false);
  }

  @Override
  public CompletableFuture<Void> close(boolean drop) {
    commit();
    closed = true;
    account.openedChannels.remove(this);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public InsertValidationResponse insertRow(Map<String, Object> row, String offsetToken) {
    return insertRows(List.of(row), offsetToken);
  }

  @Override
  public InsertValidationResponse insertRows(Iterable<Map<String, Object>> rows, String startOffsetToken,
      String endOffsetToken) {
    return insertRows(rows, endOffsetToken);
  }

  @Override
  public InsertValidationResponse insertRows(Iterable<Map<String, Object>> rows, String offsetToken) {
    if (!valid) {
      throw new SFException(ErrorCode.INVALID_CHANNEL, getFullyQualifiedName(), invalidation);
    }
    if (closed) {
      throw new SFException(ErrorCode.CLOSED_CHANNEL, getFullyQualifiedName());
    }
    RuntimeException failure = account.nextStreamingFailure("insert");
    if (failure != null) {
      throw failure;
    }
    InsertValidationResponse response = new InsertValidationResponse();
    List<Map<String, Object>> accepted = new ArrayList<>();
    long index = 0;
    for (Map<String, Object> row : rows) {
      if (!COLUMNS.containsAll(row.keySet())) {
        InsertValidationResponse.InsertError error = new InsertValidationResponse.InsertError(row, index);
        row.keySet().stream().filter(c -> !COLUMNS.contains(c)).forEach(error::addExtraColName);
        response.addError(error);
      }
      accepted.add(Map.copyOf(row));
      index++;
    }
    if (!response.hasErrors()) {
      buffered.addAll(accepted);
      bufferedToken = offsetToken;
    }
    return response;
  }

  @Override
  public String getLatestCommittedOffsetToken() {
    return account.committedToken(table, name);
  }

  @Override
  public Map<String, ColumnProperties> getTableSchema() {
    return Map.of();
  }
}
