package io.github.variantconnect.sink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.sink.target.Row;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FlushPolicyTest {

  private final FlushPolicy policy = new FlushPolicy(3, 100, Duration.ofSeconds(2));
  private final PartitionBuffer a = new PartitionBuffer(new TopicPartition("t", 0));
  private final PartitionBuffer b = new PartitionBuffer(new TopicPartition("t", 1));

  @Test
  void dueWhenAnyPartitionReachesTheRecordCount() {
    add(a, 0, 1000);
    add(a, 1, 1000);
    add(b, 0, 1000);
    assertThat(policy.isDue(List.of(a, b), 1000)).isFalse();
    add(a, 2, 1000);
    assertThat(policy.isDue(List.of(a, b), 1000)).isTrue();
  }

  @Test
  void dueWhenAnyPartitionReachesTheByteSize() {
    a.add(new Row("T", 0, "{}", "x".repeat(97)), 0, 1000);
    assertThat(policy.isDue(List.of(a), 1000)).isFalse();
    a.add(new Row("T", 1, "{}", "y"), 1, 1000);
    assertThat(policy.isDue(List.of(a), 1000)).isTrue();
  }

  @Test
  void dueByAgeOfTheOldestPendingRecordEvenWithoutNewRecords() {
    add(a, 0, 1000);
    add(b, 0, 2500);
    assertThat(policy.millisUntilDue(List.of(a, b), 1500)).isEqualTo(1500);
    assertThat(policy.isDue(List.of(a, b), 2999)).isFalse();
    assertThat(policy.isDue(List.of(a, b), 3000)).isTrue();
    assertThat(policy.millisUntilDue(List.of(a, b), 3500)).isZero();
  }

  @Test
  void skippedRecordsAreDueByAgeToo() {
    a.skip(0, 1000);
    assertThat(a.hasPending()).isTrue();
    assertThat(policy.isDue(List.of(a), 3000)).isTrue();
  }

  @Test
  void nothingPendingIsNeverDue() {
    add(a, 0, 1000);
    a.written(0);
    assertThat(policy.isDue(List.of(a), 1_000_000)).isFalse();
    assertThat(policy.millisUntilDue(List.of(a), 1_000_000)).isEqualTo(-1);
  }

  private static void add(PartitionBuffer buffer, long offset, long now) {
    buffer.add(new Row("T", offset, "{}", "{}"), offset, now);
  }
}
