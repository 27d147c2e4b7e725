package io.github.variantconnect.sink.target.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.SimulatedConsumer;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.snowflake.hpa.ChannelNames;
import io.github.variantconnect.sink.target.snowflake.hpa.FakeHpaAccount;
import io.github.variantconnect.sink.target.snowflake.hpa.HpaTargetFactory;
import io.github.variantconnect.sink.target.snowflake.hpa.PipeNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once of the high-performance target end to end through the real sink core: records flow
 * from a simulated consumer through {@link io.github.variantconnect.sink.core.SinkWriter} into the
 * in-memory high-performance SDK, across crashes, invalidations, rebalances and recreated topics.
 */
class HpaContractTest {

  private static final TopicPartition P0 = new TopicPartition("ats-telemetry", 0);
  private static final TopicPartition P1 = new TopicPartition("clickstream", 1);
  private static final String P0_PIPE = "ATS_RAW-STREAMING";

  private final FakeHpaAccount account = new FakeHpaAccount();
  private final SimulatedConsumer consumer = new SimulatedConsumer();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final List<SinkTaskHarness> tasks = new ArrayList<>();

  private SinkTaskHarness task(Map<String, String> overrides) {
    Target target = HpaTargetFactory.create(account.factory(), tables -> {},
        TopicTableMap.parse("ats-telemetry:ATS_RAW,clickstream:CLICKS"), PipeNames.parse(""), "contract",
        Duration.ofMinutes(5), clock::get);
    SinkTaskHarness task = new SinkTaskHarness(target, consumer, clock, overrides);
    tasks.add(task);
    return task;
  }

  private SinkTaskHarness task() {
    return task(Map.of());
  }

  @AfterEach
  void stop() {
    tasks.forEach(SinkTaskHarness::close);
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
    first.crash();

    SinkTaskHarness second = task();
    second.assign(List.of(P0, P1));
    drain(second);

    assertExactlyOnce(P0, 40);
    assertExactlyOnce(P1, 25);
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
    account.invalidate(P0_PIPE, ChannelNames.of("contract", P0));
    task.commit();
    task.poll(6);

    assertThat(task.context.seeks).as("P0 rewound to after its committed token").containsEntry(P0, 6L);
    drain(task);

    assertExactlyOnce(P0, 30);
    assertExactlyOnce(P1, 30);
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

    assertExactlyOnce(P0, 30);
    assertExactlyOnce(P1, 30);
  }

  @Test
  void aRecreatedTopicIsIngestedFromItsStartWithResetToKafka() {
    account.setCommittedToken(P0_PIPE, ChannelNames.of("contract", P0), "99");
    consumer.produce(P0, 20);
    SinkTaskHarness task = task(Map.of("variant.offsets.ahead.of.log.policy", "RESET_TO_KAFKA"));
    task.assign(List.of(P0));

    drain(task);

    assertExactlyOnce(P0, 20);
    assertThat(account.committedToken(P0_PIPE, ChannelNames.of("contract", P0))).isEqualTo("19");
  }

  @Test
  void aValueOverTheLimitFailsTheTaskNamingItsOffsetAndNothingOfItLands() {
    consumer.produce(P0, 3);
    SinkTaskHarness task = task();
    task.assign(List.of(P0));
    drain(task);
    // One byte over what the target takes (16 MiB - 64), though within the sink's default 16 MiB.
    consumer.produceValue(P0, "{\"s\":\"" + "x".repeat(16 * 1024 * 1024 - 64 - 8 + 1) + "\"}");

    assertThatThrownBy(() -> {
      task.poll(10);
      task.poll(10);
    }).isInstanceOf(ConnectException.class).hasMessageContaining("ats-telemetry/0@3").hasMessageContaining("[VS-102]");
    assertExactlyOnce(P0, 3);
  }

  @Test
  void aRowTheServerRejectsFailsTheTaskNamingItsPartitionAndOffset() {
    account.rejectContent = content -> content.equals("{\"n\":4}");
    consumer.produce(P0, 10);
    SinkTaskHarness task = task();
    task.assign(List.of(P0));
    task.poll(10);
    clock.addAndGet(2_000);
    task.poll(10);
    account.commitAll();

    task.commit();
    assertThat(consumer.groupOffset(P0)).as("nothing past the rejection is reported").isNull();
    consumer.produce(P0, 5);
    assertThatThrownBy(() -> {
      task.poll(10);
      clock.addAndGet(2_000);
      task.poll(10);
    }).isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-206]")
        .hasMessageContaining("ats-telemetry-0 at offsets up to 9");
  }

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
    throw new AssertionError("the task did not catch up");
  }

  private boolean caughtUp(SinkTaskHarness task) {
    for (TopicPartition tp : task.context.assignment) {
      Long group = consumer.groupOffset(tp);
      if (group == null ? consumer.endOffset(tp) > 0 : group < consumer.endOffset(tp)) {
        return false;
      }
    }
    return true;
  }

  private void assertExactlyOnce(TopicPartition tp, int count) {
    assertThat(account.offsets(tp.topic(), tp.partition())).as(tp.toString())
        .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
  }
}
