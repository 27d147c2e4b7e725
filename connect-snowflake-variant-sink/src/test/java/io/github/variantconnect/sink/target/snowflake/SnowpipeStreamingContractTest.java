package io.github.variantconnect.sink.target.snowflake;

import static io.github.variantconnect.sink.target.snowflake.SnowpipeStreamingTargetTest.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.SimulatedConsumer;
import io.github.variantconnect.sink.target.SinkTaskHarness;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.snowflake.streaming.SnowpipeStreamingTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.snowflake.ingest.utils.ErrorCode;
import net.snowflake.ingest.utils.SFException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once of the Snowpipe Streaming target, end to end through the real sink core: records
 * flow from a simulated consumer through {@link io.github.variantconnect.sink.core.SinkWriter}
 * into in-memory implementations of the SDK's interfaces, across crashes, invalidated channels,
 * rebalances, recreated topics and transient failures. Each case ends with every record of every
 * partition in its table exactly once.
 */
class SnowpipeStreamingContractTest {

  private static final TopicPartition P0 = SnowpipeStreamingTargetTest.P0;
  private static final TopicPartition P1 = SnowpipeStreamingTargetTest.P1;

  private final FakeSnowflake account = new FakeSnowflake();
  private final SimulatedConsumer consumer = new SimulatedConsumer();
  private final AtomicLong clock = new AtomicLong(1_000_000);

  private SinkTaskHarness task(Map<String, String> overrides) {
    SnowpipeStreamingTarget target = new SnowpipeStreamingTarget(account.streaming(), account.jdbc(),
        account.tables(), TopicTableMap.parse("ats-telemetry:ATS_RAW,clickstream:CLICKS"), "contract", Duration.ofSeconds(30));
    return new SinkTaskHarness(target, consumer, clock, overrides);
  }

  private SinkTaskHarness task() {
    return task(Map.of());
  }

  @Test
  void aCrashedTaskLosesNothingAndItsSuccessorDuplicatesNothing() {
    consumer.produce(P0, 40);
    consumer.produce(P1, 25);
    SinkTaskHarness first = task();
    first.assign(List.of(P0, P1));
    for (int i = 0; i < 3; i++) {
      first.poll(7);
    }
    account.commitAll();
    first.commit();
    first.poll(7);
    first.poll(7);
    // Killed here: the last batches are in its channels, not committed; Kafka's offsets lag behind.
    first.crash();

    SinkTaskHarness second = task();
    second.assign(List.of(P0, P1));
    drain(second);

    assertExactlyOnce(P0, "ATS_RAW", 40);
    assertExactlyOnce(P1, "CLICKS", 25);
    assertThat(consumer.groupOffset(P0)).isEqualTo(40);
  }

  @Test
  void aChannelInvalidatedMidStreamIsReopenedAndRereadWithoutLossOrDuplicate() {
    consumer.produce(P0, 30);
    consumer.produce(P1, 30);
    SinkTaskHarness task = task();
    task.assign(List.of(P0, P1));
    task.poll(6);
    account.commitAll();
    task.poll(6);
    account.invalidate("ats-telemetry_0");
    task.poll(6);

    assertThat(task.context.seeks).as("P0 rewound to after its committed token").containsEntry(P0, 6L);
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 30);
    assertExactlyOnce(P1, "CLICKS", 30);
  }

  @Test
  void anInvalidationOfAQuietPartitionIsFoundOnTheOffsetCommitAndRereadOnTheNextPut() {
    consumer.produce(P0, 3);
    SinkTaskHarness task = task();
    task.assign(List.of(P0));
    task.poll(10);
    clock.addAndGet(2_000);
    task.poll(10);
    account.invalidate("ats-telemetry_0");

    task.commit();
    assertThat(consumer.groupOffset(P0)).isNull();
    assertThat(task.context.seeks).as("no seek from the offset commit itself").isEmpty();
    task.poll(10);
    assertThat(task.context.seeks).as("the next put rewinds").containsEntry(P0, 0L);
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 3);
  }

  @Test
  void aRewindRacingAnInFlightBatchResendsOnlyThePartitionThatLostRows() {
    consumer.produce(P0, 20);
    consumer.produce(P1, 20);
    SinkTaskHarness task = task(Map.of("buffer.count.records", "100"));
    task.assign(List.of(P0, P1));
    task.poll(5);
    clock.addAndGet(2_000);
    task.poll(5);
    // P0's channel drops its rows while the next batch, holding both partitions, is being written.
    account.invalidate("ats-telemetry_0");
    clock.addAndGet(2_000);
    task.poll(5);
    account.commitAll();
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 20);
    assertExactlyOnce(P1, "CLICKS", 20);
  }

  @Test
  void aRebalanceMovesAPartitionWithoutLossOrDuplicate() {
    consumer.produce(P0, 30);
    consumer.produce(P1, 30);
    SinkTaskHarness a = task();
    a.assign(List.of(P0, P1));
    a.poll(8);
    a.poll(8);
    account.commitAll();
    a.poll(8);

    a.revoke(List.of(P1));
    SinkTaskHarness b = task();
    b.assign(List.of(P1));
    drain(a);
    drain(b);

    assertExactlyOnce(P0, "ATS_RAW", 30);
    assertExactlyOnce(P1, "CLICKS", 30);
  }

  @Test
  void aRecreatedTopicFailsTheTaskByDefaultInsteadOfSkippingItsRecords() {
    account.createTable("ATS_RAW", Map.of("RECORD_METADATA", "VARIANT", "RECORD_CONTENT", "VARIANT"));
    account.setCommittedToken("ATS_RAW", "contract_ats-telemetry_0", "99");
    consumer.produce(P0, 20);
    SinkTaskHarness task = task();
    task.assign(List.of(P0));

    assertThatThrownBy(() -> task.poll(10))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-203]")
        .hasMessageContaining("sought to 100")
        .hasMessageContaining("RESET_TO_KAFKA");
    assertThat(account.rows()).isEmpty();
  }

  @Test
  void aRecreatedTopicIsIngestedFromItsStartWithResetToKafka() {
    account.createTable("ATS_RAW", Map.of("RECORD_METADATA", "VARIANT", "RECORD_CONTENT", "VARIANT"));
    account.setCommittedToken("ATS_RAW", "contract_ats-telemetry_0", "99");
    consumer.produce(P0, 20);
    SinkTaskHarness task = task(Map.of("variant.offsets.ahead.of.log.policy", "RESET_TO_KAFKA"));
    task.assign(List.of(P0));

    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 20);
    assertThat(account.committedToken("ATS_RAW", "contract_ats-telemetry_0")).isEqualTo("19");
    assertThat(consumer.groupOffset(P0)).isEqualTo(20);

    // A restart resumes from the reset position, not the old one.
    task.crash();
    consumer.produce(P0, 5);
    SinkTaskHarness restarted = task(Map.of("variant.offsets.ahead.of.log.policy", "RESET_TO_KAFKA"));
    restarted.assign(List.of(P0));
    drain(restarted);
    assertExactlyOnce(P0, "ATS_RAW", 25);
  }

  @Test
  void transientFailuresAreRetriedWithBackoffAndLoseOrDuplicateNothing() {
    consumer.produce(P0, 20);
    account.failStreaming("insert", new SFException(ErrorCode.IO_ERROR))
        .failStreaming("insert", new SFException(ErrorCode.REGISTER_BLOB_FAILURE, "503 Service Unavailable"))
        .failStreaming("tokens", new SFException(ErrorCode.CHANNEL_STATUS_FAILURE, "timeout"));
    SinkTaskHarness task = task();
    task.assign(List.of(P0));

    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 20);
  }

  @Test
  void aFatalErrorFailsTheTaskWithSnowflakesCodeAndAHint() {
    account.failStreaming("client", new SFException(ErrorCode.CLIENT_CONFIGURE_FAILURE,
        "HTTP Status: 401 JWT token is invalid"));
    SinkTaskHarness task = task();

    assertThatThrownBy(() -> task.assign(List.of(P0)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-204]")
        .hasMessageContaining("Snowpipe Streaming error 0009")
        .hasMessageContaining("RSA_PUBLIC_KEY");
  }

  /** Polls, lets Snowflake commit and commits offsets until the task has taken everything there is. */
  private void drain(SinkTaskHarness task) {
    for (int round = 0; round < 200; round++) {
      task.poll(7);
      clock.addAndGet(1_000);
      task.poll(7);
      account.commitAll();
      task.commit();
      if (caughtUp(task)) {
        return;
      }
    }
    throw new AssertionError("the task did not catch up; group offsets " + task.context.assignment);
  }

  private boolean caughtUp(SinkTaskHarness task) {
    Map<TopicPartition, OffsetAndMetadata> committed = task.writer.preCommit();
    for (TopicPartition tp : task.context.assignment) {
      OffsetAndMetadata offset = committed.get(tp);
      if (offset == null || offset.offset() < consumer.endOffset(tp)) {
        return false;
      }
    }
    return true;
  }

  private void assertExactlyOnce(TopicPartition tp, String table, int count) {
    List<Long> offsets = account.rows(table).stream()
        .filter(r -> r.topic().equals(tp.topic()) && r.partition() == tp.partition())
        .map(FakeSnowflake.StoredRow::offset).toList();
    assertThat(offsets).as(tp + " in " + table).containsExactlyElementsOf(range(0, count));
  }
}
