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
 * The SDK's channel interface (snowflake-ingest-sdk 4.3.0, SnowflakeStreamingIngestChannelInternal),
 * opened with ON_ERROR=ABORT: rows are validated as the SDK validates VARIANT values, buffered with
 * their offset token until the account commits them (the SDK's flush), and lost if the channel is
 * invalidated first. A channel fenced by a newer owner keeps taking rows locally, as the SDK's does;
 * it learns of the fence when its flush is refused or its status is read.
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

  /** The SDK's background flush: buffered rows and their token become committed together, or the channel is invalidated. */
  void commit() {
    if (valid && bufferedToken != null && !account.commit(table, name, generation, List.copyOf(buffered),
        bufferedToken)) {
      invalidate("flush refused: the channel was reopened elsewhere or failed on the server");
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

  /**
   * SnowflakeStreamingIngestChannelInternal#insertRows: checkValidation (INVALID_CHANNEL), then
   * CLOSED_CHANNEL, then AbstractRowBuffer.AbortIngestionStrategy: the first bad row throws and
   * nothing of the call is buffered.
   */
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
    List<Map<String, Object>> accepted = new ArrayList<>();
    long index = 0;
    for (Map<String, Object> row : rows) {
      if (!COLUMNS.containsAll(row.keySet())) {
        // AbstractRowBuffer#verifyInputColumns
        throw new SFException(ErrorCode.INVALID_FORMAT_ROW, "Extra columns: " + row.keySet(),
            "Columns not present in the table shouldn't be specified, rowIndex:" + index);
      }
      Map<String, Object> stored = new java.util.HashMap<>();
      for (Map.Entry<String, Object> column : row.entrySet()) {
        String value = SdkVariant.validateAndParseVariantNew(column.getKey(), column.getValue(), index);
        for (String marker : account.refusedMarkers) {
          if (value != null && value.contains(marker)) {
            throw SdkVariant.valueFormatNotAllowed(column.getKey(), "the column cannot take this value", index);
          }
        }
        stored.put(column.getKey(), value);
      }
      accepted.add(stored);
      index++;
    }
    buffered.addAll(accepted);
    bufferedToken = offsetToken;
    return new InsertValidationResponse();
  }

  /**
   * SnowflakeStreamingIngestChannelInternal#getLatestCommittedOffsetToken: checkValidation, then a
   * status request for this channel alone; a status other than success invalidates the channel and
   * throws CHANNEL_STATUS_INVALID.
   */
  @Override
  public String getLatestCommittedOffsetToken() {
    if (!valid) {
      throw new SFException(ErrorCode.INVALID_CHANNEL, getFullyQualifiedName(), invalidation);
    }
    RuntimeException failure = account.nextStreamingFailure("status");
    if (failure != null) {
      throw failure;
    }
    if (!account.statusOk(table, name, generation)) {
      invalidate("channel status is not success");
      throw new SFException(ErrorCode.CHANNEL_STATUS_INVALID, getName(), 20);
    }
    synchronized (account) {
      return account.committedToken(table, name);
    }
  }

  @Override
  public Map<String, ColumnProperties> getTableSchema() {
    return Map.of();
  }
}
