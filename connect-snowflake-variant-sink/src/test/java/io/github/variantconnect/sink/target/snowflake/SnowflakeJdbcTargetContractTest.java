package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.snowflake.jdbc.JdbcTimeouts;
import io.github.variantconnect.sink.target.snowflake.jdbc.SnowflakeJdbcTarget;
import java.sql.SQLException;
import java.util.List;
import io.github.variantconnect.sink.target.SinkTaskHarness;
import org.junit.jupiter.api.Test;
import org.apache.kafka.common.TopicPartition;

/** The target contract on the JDBC path, over the recording JDBC fake. */
class SnowflakeJdbcTargetContractTest extends FakeSnowflakeContract {

  @Override
  protected Target newTarget() {
    return new SnowflakeJdbcTarget(account.jdbc(), account.tables(), SnowflakeIdentifier.of("VARIANT_CONNECT_OFFSETS"),
        "contract", JdbcTimeouts.DEFAULT);
  }

  @Override
  protected void loseInFlight(TopicPartition tp) {
    account.failJdbc("commit", new SQLException("JDBC driver encountered communication error", "08006", 200008));
  }

  // Beyond the contract: failures around the commit of a transaction.

  @Test
  void failuresBetweenWriteAndCommitAndACrashLoseAndDuplicateNothing() {
    consumer.produce(P0, 40);
    consumer.produce(P1, 25);
    account.failJdbc("commit", new SQLException("communication error", "08006", 200008));
    SinkTaskHarness first = task();
    first.assign(List.of(P0, P1));
    first.poll(7);
    clock.addAndGet(1_000);
    first.poll(7);
    account.failAfterNextCommit();
    first.poll(7);
    first.poll(7);
    first.crash();

    SinkTaskHarness second = task();
    second.assign(List.of(P0, P1));
    drain(second);

    assertExactlyOnce(P0, "ATS_RAW", 40, List.of());
    assertExactlyOnce(P1, "CLICKS", 25, List.of());
  }
}
