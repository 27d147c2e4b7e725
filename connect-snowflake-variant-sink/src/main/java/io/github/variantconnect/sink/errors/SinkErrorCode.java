package io.github.variantconnect.sink.errors;

/**
 * Coded errors, so that a log line, a dead-letter header and the README say the same thing. The
 * code leads every message; the hint says what to do.
 */
public enum SinkErrorCode {
  INVALID_JSON("VS-101", "Record value is not valid JSON",
      "Produce JSON, or use a converter that yields structured values (JsonConverter, AvroConverter)."),
  CONTENT_TOO_LARGE("VS-102", "Record value is larger than the target accepts",
      "Split the record upstream, or raise variant.max.content.bytes if the target allows it."),
  UNSUPPORTED_VALUE("VS-103", "Record value cannot be written as JSON",
      "Check the converter and transforms of the connector."),
  TARGET_UNAVAILABLE("VS-201", "Target unavailable for longer than target.retry.timeout.ms",
      "Fix the cause below (a process holding the DuckDB file, a full disk, the network), then restart the task;"
          + " nothing committed is lost and uncommitted records are read again."),
  TARGET_FAILED("VS-202", "Target refused the batch",
      "Fix the cause below (for example a table with other columns than RECORD_METADATA, RECORD_CONTENT),"
          + " then restart the task."),
  OFFSETS_AHEAD_OF_LOG("VS-203", "The target's committed offset is beyond the partition's records",
      "The topic was probably deleted and recreated, or truncated. To ingest it from where the consumer now"
          + " stands, set variant.offsets.ahead.of.log.policy=RESET_TO_KAFKA and restart the task; or stop the"
          + " connector and delete the partition's offsets in the target (DuckDB, Snowflake JDBC: its rows in the"
          + " offsets table); or register the connector under a new name. Records are not skipped silently."),
  SNOWFLAKE_AUTH_FAILED("VS-204", "Snowflake refused the key-pair login",
      "Check snowflake.url.name (the account), snowflake.user.name, and that the user's RSA_PUBLIC_KEY matches"
          + " snowflake.private.key (ALTER USER ... SET RSA_PUBLIC_KEY='...'); check that snowflake.role.name is"
          + " granted to the user. Then restart the task."),
  SNOWFLAKE_ACCESS_DENIED("VS-205", "Snowflake denied access to an object, or it does not exist",
      "Check that snowflake.database.name and snowflake.schema.name exist and that the connector's role has USAGE"
          + " on them, CREATE TABLE on the schema (or the tables exist) and INSERT on the tables; for JDBC also"
          + " USAGE on snowflake.warehouse.name. The grants are listed in the sink's README. Then restart the task."),
  SNOWFLAKE_ROW_REJECTED("VS-206", "Snowflake rejected a row",
      "Check the table's columns: the sink writes RECORD_METADATA and RECORD_CONTENT (VARIANT); other columns must"
          + " be nullable and without defaults. Then restart the task."),
  SNOWFLAKE_UNREACHABLE("VS-207", "Snowflake could not be reached within snowflake.connect.budget.ms",
      "Fix the cause named above: an account host that does not resolve (check snowflake.url.name, e.g."
          + " myorg-myaccount.snowflakecomputing.com), a network path that is blocked (check the worker's firewall and"
          + " jvm.proxy.host / jvm.proxy.port), or a login that never completes (check the key or OAuth settings)."
          + " Then restart the task; raise snowflake.connect.budget.ms for slow networks."),
  DEAD_LETTER_FAILED("VS-301", "Could not write a record to the dead-letter queue",
      "Check errors.deadletterqueue.topic.name and the worker's access to that topic."),
  RECORD_REJECTED("VS-302", "Record rejected and errors.tolerance is none",
      "Fix the record upstream, or set errors.tolerance=all and errors.deadletterqueue.topic.name to route such"
          + " records to a dead-letter queue.");

  private final String code;
  private final String title;
  private final String hint;

  SinkErrorCode(String code, String title, String hint) {
    this.code = code;
    this.title = title;
    this.hint = hint;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String hint() {
    return hint;
  }

  /** {@code [VS-101] Record value is not valid JSON: <detail>}. */
  public String message(String detail) {
    return "[" + code + "] " + title + (detail == null || detail.isEmpty() ? "" : ": " + detail);
  }

  /** As {@link #message}, followed by the hint. */
  public String messageWithHint(String detail) {
    return message(detail) + ". " + hint;
  }
}
