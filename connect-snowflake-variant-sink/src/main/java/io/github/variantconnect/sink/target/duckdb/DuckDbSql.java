package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.sink.routing.TableNames;
import java.util.List;

/**
 * The DuckDB statements the target runs. Identifiers come only from validated names and are always
 * quoted; values are always bound parameters.
 */
final class DuckDbSql {

  static final String RECORD_METADATA = "RECORD_METADATA";
  static final String RECORD_CONTENT = "RECORD_CONTENT";

  private DuckDbSql() {}

  /** A validated identifier, double-quoted with embedded quotes doubled. */
  static String quote(String identifier) {
    if (!TableNames.isValid(identifier)) {
      throw new IllegalArgumentException("not a valid identifier: " + identifier);
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * Settings for a connection that leaves committed batches in the write-ahead log until it holds
   * {@code thresholdBytes}, instead of checkpointing them when the connection closes; none for 0.
   */
  static List<String> checkpointSettings(long thresholdBytes) {
    if (thresholdBytes == 0) {
      return List.of();
    }
    return List.of("PRAGMA disable_checkpoint_on_shutdown", "SET checkpoint_threshold = '" + thresholdBytes + " bytes'");
  }

  static String createTable(String table) {
    return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (" + quote(RECORD_METADATA) + " JSON, "
        + quote(RECORD_CONTENT) + " JSON)";
  }

  static String tableColumns() {
    return "SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND lower(table_name) = lower(?) ORDER BY ordinal_position";
  }

  static String createOffsets(String table) {
    return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (\"CONNECTOR\" VARCHAR NOT NULL, \"TOPIC\" VARCHAR NOT NULL,"
        + " \"PARTITION\" INTEGER NOT NULL, \"KAFKA_OFFSET\" BIGINT NOT NULL, \"UPDATED_AT\" TIMESTAMPTZ NOT NULL,"
        + " PRIMARY KEY (\"CONNECTOR\", \"TOPIC\", \"PARTITION\"))";
  }

  static String selectOffsets(String table) {
    return "SELECT \"TOPIC\", \"PARTITION\", \"KAFKA_OFFSET\" FROM " + quote(table) + " WHERE \"CONNECTOR\" = ?";
  }

  static String deleteOffset(String table) {
    return "DELETE FROM " + quote(table) + " WHERE \"CONNECTOR\" = ? AND \"TOPIC\" = ? AND \"PARTITION\" = ?";
  }

  static String upsertOffset(String table) {
    return "INSERT INTO " + quote(table) + " (\"CONNECTOR\", \"TOPIC\", \"PARTITION\", \"KAFKA_OFFSET\", \"UPDATED_AT\")"
        + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (\"CONNECTOR\", \"TOPIC\", \"PARTITION\")"
        + " DO UPDATE SET \"KAFKA_OFFSET\" = excluded.\"KAFKA_OFFSET\", \"UPDATED_AT\" = excluded.\"UPDATED_AT\"";
  }
}
