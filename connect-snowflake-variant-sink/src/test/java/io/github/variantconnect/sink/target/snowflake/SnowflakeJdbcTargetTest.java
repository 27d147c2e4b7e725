package io.github.variantconnect.sink.target.snowflake;

import static io.github.variantconnect.sink.target.snowflake.Batches.batch;
import static io.github.variantconnect.sink.target.snowflake.Batches.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.snowflake.jdbc.JdbcTimeouts;
import io.github.variantconnect.sink.target.snowflake.jdbc.SnowflakeJdbcTarget;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The JDBC target against a recording fake of java.sql: statements, offsets and transaction boundaries. */
class SnowflakeJdbcTargetTest {

  private static final TopicPartition P0 = new TopicPartition("ats-telemetry", 0);
  private static final TopicPartition P1 = new TopicPartition("clickstream", 1);
  private static final String OFFSETS = "VARIANT_CONNECT_OFFSETS";

  private final FakeSnowflake account = new FakeSnowflake();

  private SnowflakeJdbcTarget target() {
    return new SnowflakeJdbcTarget(account.jdbc(), account.tables(), SnowflakeIdentifier.of(OFFSETS), "sink-a", JdbcTimeouts.DEFAULT);
  }

  @Test
  void writesEachBatchSetBasedWithItsOffsetsInOneTransaction() throws Exception {
    SnowflakeJdbcTarget target = target();
    assertThat(target.open(List.of(P0, P1))).isEmpty();
    account.jdbcLog.clear();

    target.write(batch(slice(P0, "ATS_RAW", 0, 3), slice(P1, "CLICKS", 10, 2)));

    assertThat(account.jdbcLog.summary()).containsExactly(
        "sql DESCRIBE", "sql CREATE", "sql DESCRIBE", "sql DESCRIBE", "sql CREATE", "sql DESCRIBE",
        "begin", "sql UPDATE[1]", "sql SELECT[1]", "sql INSERT[6]", "sql INSERT[4]", "sql MERGE[8]", "commit");
    assertThat(account.rows("ATS_RAW")).extracting(FakeSnowflake.StoredRow::offset).containsExactly(0L, 1L, 2L);
    assertThat(account.rows("CLICKS")).extracting(FakeSnowflake.StoredRow::content)
        .containsExactly("{\"n\":10}", "{\"n\":11}");
    assertThat(account.storedOffset(OFFSETS, "sink-a", "ats-telemetry", 0)).isEqualTo(2L);
    assertThat(account.storedOffset(OFFSETS, "sink-a", "clickstream", 1)).isEqualTo(11L);
    assertThat(target.committedOffsets(List.of(P0, P1))).isEqualTo(Map.of(P0, 2L, P1, 11L));
  }

  @Test
  void theInsertSqlBindsEveryValueAndQuotesEveryIdentifier() {
    String sql = SnowflakeSql.insertRows(FakeSnowflake.qualified("ATS_RAW"), 2);

    assertThat(sql).isEqualTo("INSERT INTO \"DB\".\"RAW\".\"ATS_RAW\" (\"RECORD_METADATA\", \"RECORD_CONTENT\")"
        + " SELECT PARSE_JSON(column1), PARSE_JSON(column2) FROM VALUES (?, ?), (?, ?)");
    assertThat(SnowflakeSql.createTable(FakeSnowflake.qualified("T"))).isEqualTo(
        "CREATE TABLE IF NOT EXISTS \"DB\".\"RAW\".\"T\" (\"RECORD_METADATA\" VARIANT, \"RECORD_CONTENT\" VARIANT)");
    assertThat(SnowflakeIdentifier.parse("\"we\"\"ird\"").quoted()).isEqualTo("\"we\"\"ird\"");
  }

  @Test
  void largeBatchesAreInsertedInChunksNeverRowByRow() throws Exception {
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0));
    account.jdbcLog.clear();

    target.write(batch(slice(P0, "ATS_RAW", 0, 2_500)));

    assertThat(account.jdbcLog.count("INSERT")).isEqualTo(3);
    assertThat(account.jdbcLog.events).filteredOn(e -> e.sql() != null && e.sql().startsWith("INSERT"))
        .extracting(FakeJdbc.Event::binds).containsExactly(2_000, 2_000, 1_000);
    assertThat(account.jdbcLog.summary()).containsOnlyOnce("commit");
    assertThat(account.rows("ATS_RAW")).hasSize(2_500);
  }

  @Test
  void aFailureBetweenWriteAndCommitLeavesNeitherRowsNorOffsetsAndTheRetryWritesOnce() throws Exception {
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0));
    account.failJdbc("commit", new SQLException("JDBC driver encountered communication error", "08006", 200008));

    assertThatThrownBy(() -> target.write(batch(slice(P0, "ATS_RAW", 0, 3))))
        .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.retriable()).isTrue())
        .hasMessageContaining("Snowflake error 200008");
    assertThat(account.rows("ATS_RAW")).isEmpty();
    assertThat(account.storedOffset(OFFSETS, "sink-a", "ats-telemetry", 0)).isNull();
    assertThat(target.committedOffsets(List.of(P0))).isEmpty();

    target.write(batch(slice(P0, "ATS_RAW", 0, 3)));

    assertThat(account.rows("ATS_RAW")).extracting(FakeSnowflake.StoredRow::offset).containsExactly(0L, 1L, 2L);
    assertThat(account.jdbcLog.summary()).as("a new connection after the failure").containsSubsequence(
        "commit failed", "connect", "begin", "sql INSERT[6]", "commit");
  }

  @Test
  void aFailedStatementRollsTheWholeBatchBack() throws Exception {
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0, P1));
    account.failJdbc("MERGE", new SQLException("Statement reached its statement or warehouse timeout", "57014", 630));

    assertThatThrownBy(() -> target.write(batch(slice(P0, "ATS_RAW", 0, 3), slice(P1, "CLICKS", 0, 1))))
        .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.retriable()).isTrue());

    assertThat(account.rows()).isEmpty();
    assertThat(account.jdbcLog.summary()).containsSubsequence("sql INSERT[6]", "sql INSERT[2]", "sql MERGE[8]",
        "rollback");
  }

  @Test
  void aCommitThatSucceededButReportedFailureIsNotWrittenTwice() throws Exception {
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0));
    account.failAfterNextCommit();

    assertThatThrownBy(() -> target.write(batch(slice(P0, "ATS_RAW", 0, 3)))).isInstanceOf(TargetException.class);
    account.jdbcLog.clear();
    target.write(batch(slice(P0, "ATS_RAW", 0, 3)));

    assertThat(account.rows("ATS_RAW")).hasSize(3);
    assertThat(account.jdbcLog.count("INSERT")).isZero();
    assertThat(target.committedOffsets(List.of(P0))).isEqualTo(Map.of(P0, 2L));
  }

  @Test
  void rowsAnotherWriterAlreadyStoredAreSkippedInsideTheTransaction() throws Exception {
    SnowflakeJdbcTarget zombie = target();
    zombie.open(List.of(P0));
    SnowflakeJdbcTarget successor = target();
    successor.open(List.of(P0));
    successor.write(batch(slice(P0, "ATS_RAW", 0, 5)));

    zombie.write(batch(slice(P0, "ATS_RAW", 0, 7)));

    assertThat(account.rows("ATS_RAW")).extracting(FakeSnowflake.StoredRow::offset)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(account.jdbcLog.summary()).as("the lock comes before the read of the offsets")
        .containsSubsequence("begin", "sql UPDATE[1]", "sql SELECT[1]", "sql INSERT[4]", "sql MERGE[4]", "commit");
  }

  @Test
  void openReadsStoredOffsetsAndResetForgetsThem() throws Exception {
    target().write(batch(slice(P0, "ATS_RAW", 0, 10), slice(P1, "CLICKS", 0, 4)));
    SnowflakeJdbcTarget target = target();

    assertThat(target.open(List.of(P0, P1))).isEqualTo(Map.of(P0, 9L, P1, 3L));

    target.resetOffsets(Map.of(P0, 0L, P1, 2L));

    assertThat(account.storedOffset(OFFSETS, "sink-a", "ats-telemetry", 0)).isNull();
    assertThat(account.storedOffset(OFFSETS, "sink-a", "clickstream", 1)).isEqualTo(1L);
    assertThat(target.committedOffsets(List.of(P0, P1))).isEqualTo(Map.of(P1, 1L));
    target.write(batch(slice(P0, "ATS_RAW", 0, 2)));
    assertThat(account.rows("ATS_RAW")).hasSize(12);
  }

  @Test
  void aRefusedLoginIsFatalWithTheAuthenticationHint() {
    account.failJdbc("login", new SQLException("JWT token is invalid.", "08004", 390144));

    assertThatThrownBy(() -> target().open(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
        })
        .hasMessageContaining("Snowflake error 390144");
  }

  @Test
  void missingPrivilegesAreFatalWithTheGrantsHint() throws Exception {
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0));
    account.failJdbc("CREATE TABLE IF NOT EXISTS \"DB\".\"RAW\".\"ATS_RAW\"",
        new SQLException("SQL access control error: Insufficient privileges to operate on schema 'RAW'", "42501", 3001));

    assertThatThrownBy(() -> target.write(batch(slice(P0, "ATS_RAW", 0, 1))))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_ACCESS_DENIED);
        })
        .hasMessageContaining("Snowflake error 3001");
  }

  @Test
  void anExistingTableWithOtherColumnsIsAFatalErrorNamingIt() throws Exception {
    account.createTable("ATS_RAW", Map.of("ID", "NUMBER(38,0)"));
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0));

    assertThatThrownBy(() -> target.write(batch(slice(P0, "ATS_RAW", 0, 1))))
        .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("\"DB\".\"RAW\".\"ATS_RAW\" has columns {ID=NUMBER(38,0)}");
  }

  @Test
  void aTableMadeByAnAdministratorIsUsedWithoutCreatingIt() throws Exception {
    account.createTable("ATS_RAW", Map.of("RECORD_METADATA", "VARIANT", "RECORD_CONTENT", "VARIANT",
        "LOADED_AT", "TIMESTAMP_LTZ(9)"));
    account.failJdbc("CREATE TABLE IF NOT EXISTS \"DB\".\"RAW\".\"ATS_RAW\"",
        new SQLException("Insufficient privileges", "42501", 3001));
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0));

    target.write(batch(slice(P0, "ATS_RAW", 0, 2)));

    assertThat(account.rows("ATS_RAW")).hasSize(2);
  }

  @Test
  void statementsStayWithinOneMegabyteOfBoundJsonAndABiggerRowGetsOneOfItsOwn() throws Exception {
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0));
    account.jdbcLog.clear();
    List<Row> rows = new ArrayList<>();
    for (long offset = 0; offset < 7; offset++) {
      int size = offset == 3 ? 2_000_000 : 300_000;
      rows.add(new Row("ATS_RAW", offset, Batches.row(P0, "ATS_RAW", offset).metadata(),
          "{\"s\":\"" + "é".repeat(size / 2) + "\"}"));
    }

    target.write(batch(new PartitionBatch(P0, rows, 6)));

    assertThat(account.jdbcLog.events).filteredOn(e -> e.sql() != null && e.sql().startsWith("INSERT"))
        .extracting(FakeJdbc.Event::binds).as("rows of about 300 kB, 3 to a statement; the 2 MB row alone")
        .containsExactly(6, 2, 6);
    assertThat(account.rows("ATS_RAW")).extracting(FakeSnowflake.StoredRow::offset)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void everyConnectionBoundsHowLongItWaitsForTheOffsetsLockAndForAStatement() throws Exception {
    SnowflakeJdbcTarget target = new SnowflakeJdbcTarget(account.jdbc(), account.tables(),
        SnowflakeIdentifier.of(OFFSETS), "sink-a", new JdbcTimeouts(15, 120));
    target.open(List.of(P0));
    account.failJdbc("INSERT", new SQLException("connection reset", "08006", 200008));
    assertThatThrownBy(() -> target.write(batch(slice(P0, "ATS_RAW", 0, 2)))).isInstanceOf(TargetException.class);
    target.write(batch(slice(P0, "ATS_RAW", 0, 2)));

    assertThat(account.sessionParameters).as("set on the first connection and on the one after the failure")
        .hasSize(2).allSatisfy(p -> assertThat(p)
            .containsEntry("LOCK_TIMEOUT", "15").containsEntry("STATEMENT_TIMEOUT_IN_SECONDS", "120"));
  }

  @Test
  void anOffsetsTableAnAdministratorMadeIsUsedWithoutCreatingIt() throws Exception {
    account.offsetTables.put(FakeSnowflake.qualified(OFFSETS), new java.util.HashMap<>());
    account.createTable("ATS_RAW", Map.of("RECORD_METADATA", "VARIANT", "RECORD_CONTENT", "VARIANT"));
    SnowflakeJdbcTarget target = target();
    target.open(List.of(P0));
    target.write(batch(slice(P0, "ATS_RAW", 0, 2)));

    assertThat(account.jdbcLog.count("CREATE")).as("no CREATE TABLE privilege needed").isZero();
    assertThat(account.storedOffset(OFFSETS, "sink-a", "ats-telemetry", 0)).isEqualTo(1L);
  }
}
