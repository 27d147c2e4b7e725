package io.github.variantconnect.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @Test
  void taskAndPartitionMetricsAreReadableOverJmxAndGoneAfterClose() throws Exception {
    TopicPartition tp = new TopicPartition("ats-telemetry", 2);
    ObjectName task = SinkMetrics.taskObjectName("my sink", 1);
    ObjectName partition = SinkMetrics.partitionObjectName("my sink", 1, tp);

    try (SinkMetrics metrics = new SinkMetrics("my sink", 1)) {
      metrics.flushed(10, 2_000, 4_000_000);
      metrics.flushed(5, 1_000, 8_000_000);
      metrics.deadLettered();
      metrics.partition(tp).update(120, 100, 90);

      assertThat(server.getAttribute(task, "RecordsWritten")).isEqualTo(15L);
      assertThat(server.getAttribute(task, "BytesWritten")).isEqualTo(3_000L);
      assertThat(server.getAttribute(task, "Flushes")).isEqualTo(2L);
      assertThat(server.getAttribute(task, "FlushLatencyAvgMs")).isEqualTo(6.0);
      assertThat(server.getAttribute(task, "FlushLatencyMaxMs")).isEqualTo(8L);
      assertThat(server.getAttribute(task, "DeadLetterRecords")).isEqualTo(1L);
      assertThat(server.getAttribute(partition, "OffsetLag")).isEqualTo(20L);
      assertThat(server.getAttribute(partition, "CommittedOffset")).isEqualTo(90L);

      metrics.removePartition(tp);
      assertThat(server.isRegistered(partition)).isFalse();
    }
    assertThat(server.isRegistered(task)).isFalse();
  }

  @Test
  void aRestartedTaskTakesOverItsNames() {
    SinkMetrics first = new SinkMetrics("restarted", 0);
    SinkMetrics second = new SinkMetrics("restarted", 0);
    assertThat(server.isRegistered(SinkMetrics.taskObjectName("restarted", 0))).isTrue();
    second.close();
    first.close();
    assertThat(server.isRegistered(SinkMetrics.taskObjectName("restarted", 0))).isFalse();
  }
}
