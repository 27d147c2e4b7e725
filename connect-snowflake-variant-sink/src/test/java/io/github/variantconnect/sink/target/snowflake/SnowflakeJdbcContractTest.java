package io.github.variantconnect.sink.target.snowflake;

import static io.github.variantconnect.sink.target.snowflake.SnowpipeStreamingTargetTest.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.sink.SimulatedConsumer;
import io.github.variantconnect.sink.target.SinkTaskHarness;
import io.github.variantconnect.sink.target.snowflake.jdbc.JdbcTimeouts;
import io.github.variantconnect.sink.target.snowflake.jdbc.SnowflakeJdbcTarget;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Exactly-once of the JDBC target through the real sink core, across failures, crashes and rebalances. */
class SnowflakeJdbcContractTest {

  private static final TopicPartition P0 = SnowpipeStreamingTargetTest.P0;
  private static final TopicPartition P1 = SnowpipeStreamingTargetTest.P1;

  private final FakeSnowflake account = new FakeSnowflake();
  private final SimulatedConsumer consumer = new SimulatedConsumer();
  private final AtomicLong clock = new AtomicLong(1_000_000);

  private SinkTaskHarness task(Map<String, String> overrides) {
    SnowflakeJdbcTarget target = new SnowflakeJdbcTarget(account.jdbc(), account.tables(),
        SnowflakeIdentifier.of("VARIANT_CONNECT_OFFSETS"), "contract", JdbcTimeouts.DEFAULT);
    return new SinkTaskHarness(target, consumer, clock, overrides);
  }

  @Test
  void failuresBetweenWriteAndCommitAndACrashLoseAndDuplicateNothing() {
    consumer.produce(P0, 40);
    consumer.produce(P1, 25);
    account.failJdbc("commit", new SQLException("communication error", "08006", 200008));
    SinkTaskHarness first = task(Map.of());
    first.assign(List.of(P0, P1));
    first.poll(7);
    clock.addAndGet(1_000);
    first.poll(7);
    account.failAfterNextCommit();
    first.poll(7);
    first.poll(7);
    first.crash();

    SinkTaskHarness second = task(Map.of());
    second.assign(List.of(P0, P1));
    drain(second);

    assertExactlyOnce(P0, "ATS_RAW", 40);
    assertExactlyOnce(P1, "CLICKS", 25);
  }

  @Test
  void aRebalanceMovesAPartitionWithoutLossOrDuplicate() {
    consumer.produce(P0, 30);
    consumer.produce(P1, 30);
    SinkTaskHarness a = task(Map.of());
    a.assign(List.of(P0, P1));
    a.poll(8);
    a.poll(8);
    a.revoke(List.of(P1));
    SinkTaskHarness b = task(Map.of());
    b.assign(List.of(P1));
    drain(a);
    drain(b);

    assertExactlyOnce(P0, "ATS_RAW", 30);
    assertExactlyOnce(P1, "CLICKS", 30);
  }

  @Test
  void aRecreatedTopicIsIngestedFromItsStartWithResetToKafka() {
    consumer.produce(P0, 50);
    SinkTaskHarness old = task(Map.of());
    old.assign(List.of(P0));
    drain(old);
    old.close();
    consumer.recreate(P0);
    consumer.produce(P0, 10);
    account.rows.clear();

    SinkTaskHarness task = task(Map.of("variant.offsets.ahead.of.log.policy", "RESET_TO_KAFKA"));
    task.assign(List.of(P0));
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 10);
    assertThat(account.storedOffset("VARIANT_CONNECT_OFFSETS", "contract", "ats-telemetry", 0)).isEqualTo(9L);
  }

  private void drain(SinkTaskHarness task) {
    for (int round = 0; round < 200; round++) {
      task.poll(7);
      clock.addAndGet(1_000);
      task.poll(7);
      task.commit();
      boolean done = true;
      for (TopicPartition tp : task.context.assignment) {
        Long offset = consumer.groupOffset(tp);
        done &= offset != null && offset >= consumer.endOffset(tp);
      }
      if (done) {
        return;
      }
    }
    throw new AssertionError("the task did not catch up");
  }

  private void assertExactlyOnce(TopicPartition tp, String table, int count) {
    List<Long> offsets = account.rows(table).stream()
        .filter(r -> r.topic().equals(tp.topic()) && r.partition() == tp.partition())
        .map(FakeSnowflake.StoredRow::offset).toList();
    assertThat(offsets).as(tp + " in " + table).containsExactlyElementsOf(range(0, count));
  }
}
