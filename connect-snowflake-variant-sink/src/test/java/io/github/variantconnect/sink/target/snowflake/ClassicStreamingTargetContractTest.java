package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.snowflake.streaming.SnowpipeStreamingTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.Map;
import net.snowflake.ingest.utils.ErrorCode;
import net.snowflake.ingest.utils.SFException;
import org.apache.kafka.connect.errors.ConnectException;
import io.github.variantconnect.sink.target.SinkTaskHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.apache.kafka.common.TopicPartition;

/** The target contract on classic Snowpipe Streaming, over the fakes of the SDK's interfaces. */
class ClassicStreamingTargetContractTest extends FakeSnowflakeContract {

  @Override
  protected Target newTarget() {
    return new SnowpipeStreamingTarget(account.streaming(), account.jdbc(), account.tables(),
        TopicTableMap.parse(ROUTES), "contract", Duration.ofSeconds(30));
  }

  @Override
  protected void storeCommits() {
    account.commitAll();
  }

  @Override
  protected void loseInFlight(TopicPartition tp) {
    account.invalidate(tp.topic() + "_" + tp.partition());
  }

  // Beyond the contract: what only a streaming target can run into.

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

    assertExactlyOnce(P0, "ATS_RAW", 3, List.of());
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

    assertExactlyOnce(P0, "ATS_RAW", 20, List.of());
    assertExactlyOnce(P1, "CLICKS", 20, List.of());
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
  void transientFailuresAreRetriedWithBackoffAndLoseOrDuplicateNothing() {
    consumer.produce(P0, 20);
    account.failStreaming("insert", new SFException(ErrorCode.IO_ERROR))
        .failStreaming("insert", new SFException(ErrorCode.REGISTER_BLOB_FAILURE, "503 Service Unavailable"))
        .failStreaming("tokens", new SFException(ErrorCode.CHANNEL_STATUS_FAILURE, "timeout"));
    SinkTaskHarness task = task();
    task.assign(List.of(P0));

    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 20, List.of());
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
}
