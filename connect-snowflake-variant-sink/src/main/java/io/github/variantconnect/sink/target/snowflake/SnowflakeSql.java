package io.github.variantconnect.sink.target.snowflake;

/**
 * The SQL the Snowflake targets run. Identifiers are validated and quoted by {@link
 * SnowflakeIdentifier}; every value is a bound parameter. Rows are written set-based: one INSERT
 * ... SELECT PARSE_JSON(...) FROM VALUES with many rows, never a statement per row.
 */
public final class SnowflakeSql {

  public static final String RECORD_METADATA = "RECORD_METADATA";
  public static final String RECORD_CONTENT = "RECORD_CONTENT";

  private SnowflakeSql() {}

  /** {@code "DB"."SCHEMA"."TABLE"}. */
  public static String qualified(SnowflakeIdentifier database, SnowflakeIdentifier schema, SnowflakeIdentifier table) {
    return database.quoted() + "." + schema.quoted() + "." + table.quoted();
  }

  public static String describeTable(String qualifiedTable) {
    return "DESCRIBE TABLE " + qualifiedTable;
  }

  public static String createTable(String qualifiedTable) {
    return "CREATE TABLE IF NOT EXISTS " + qualifiedTable + " (\"" + RECORD_METADATA + "\" VARIANT, \""
        + RECORD_CONTENT + "\" VARIANT)";
  }

  public static String createOffsets(String qualifiedTable) {
    return "CREATE TABLE IF NOT EXISTS " + qualifiedTable + " (\"CONNECTOR\" VARCHAR NOT NULL, \"TOPIC\" VARCHAR NOT NULL,"
        + " \"PARTITION\" INTEGER NOT NULL, \"KAFKA_OFFSET\" BIGINT NOT NULL, \"UPDATED_AT\" TIMESTAMP_LTZ NOT NULL,"
        + " PRIMARY KEY (\"CONNECTOR\", \"TOPIC\", \"PARTITION\"))";
  }

  /**
   * Takes the offsets table's write lock first thing in a transaction: Snowflake runs one UPDATE,
   * DELETE or MERGE on a table at a time, so a second writer of the same connector (a task that
   * does not know yet it was replaced) waits here and then reads the offsets the first committed.
   */
  public static String lockOffsets(String qualifiedTable) {
    return "UPDATE " + qualifiedTable + " SET \"UPDATED_AT\" = \"UPDATED_AT\" WHERE \"CONNECTOR\" = ?";
  }

  public static String selectOffsets(String qualifiedTable) {
    return "SELECT \"TOPIC\", \"PARTITION\", \"KAFKA_OFFSET\" FROM " + qualifiedTable + " WHERE \"CONNECTOR\" = ?";
  }

  /** Inserts {@code rows} rows, bound as (metadata, content) pairs in order. */
  public static String insertRows(String qualifiedTable, int rows) {
    StringBuilder sql = new StringBuilder(120 + rows * 8).append("INSERT INTO ").append(qualifiedTable)
        .append(" (\"").append(RECORD_METADATA).append("\", \"").append(RECORD_CONTENT).append("\")")
        .append(" SELECT PARSE_JSON(column1), PARSE_JSON(column2) FROM VALUES ");
    appendTuples(sql, rows, 2);
    return sql.toString();
  }

  /** Sets {@code partitions} offsets, bound as (connector, topic, partition, offset) in order. */
  public static String mergeOffsets(String qualifiedTable, int partitions) {
    StringBuilder sql = new StringBuilder(400 + partitions * 14).append("MERGE INTO ").append(qualifiedTable)
        .append(" AS o USING (SELECT column1 AS \"CONNECTOR\", column2 AS \"TOPIC\", column3 AS \"PARTITION\",")
        .append(" column4 AS \"KAFKA_OFFSET\" FROM VALUES ");
    appendTuples(sql, partitions, 4);
    return sql.append(") AS s ON o.\"CONNECTOR\" = s.\"CONNECTOR\" AND o.\"TOPIC\" = s.\"TOPIC\"")
        .append(" AND o.\"PARTITION\" = s.\"PARTITION\"")
        .append(" WHEN MATCHED THEN UPDATE SET \"KAFKA_OFFSET\" = s.\"KAFKA_OFFSET\", \"UPDATED_AT\" = CURRENT_TIMESTAMP()")
        .append(" WHEN NOT MATCHED THEN INSERT (\"CONNECTOR\", \"TOPIC\", \"PARTITION\", \"KAFKA_OFFSET\", \"UPDATED_AT\")")
        .append(" VALUES (s.\"CONNECTOR\", s.\"TOPIC\", s.\"PARTITION\", s.\"KAFKA_OFFSET\", CURRENT_TIMESTAMP())")
        .toString();
  }

  public static String deleteOffset(String qualifiedTable) {
    return "DELETE FROM " + qualifiedTable + " WHERE \"CONNECTOR\" = ? AND \"TOPIC\" = ? AND \"PARTITION\" = ?";
  }

  private static void appendTuples(StringBuilder sql, int tuples, int width) {
    for (int i = 0; i < tuples; i++) {
      sql.append(i == 0 ? "(" : ", (");
      for (int j = 0; j < width; j++) {
        sql.append(j == 0 ? "?" : ", ?");
      }
      sql.append(')');
    }
  }
}
