package io.github.variantconnect.bench.memory;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** The little of a worker's sink task context the writer uses when nothing is paused or sought. */
final class BurstContext implements SinkTaskContext {

  private final Set<TopicPartition> assignment;

  BurstContext(Set<TopicPartition> assignment) {
    this.assignment = assignment;
  }

  @Override
  public Map<String, String> configs() {
    return Map.of();
  }

  @Override
  public void offset(Map<TopicPartition, Long> offsets) {}

  @Override
  public void offset(TopicPartition tp, long offset) {}

  @Override
  public void timeout(long timeoutMs) {}

  @Override
  public Set<TopicPartition> assignment() {
    return assignment;
  }

  @Override
  public void pause(TopicPartition... partitions) {}

  @Override
  public void resume(TopicPartition... partitions) {}

  @Override
  public void requestCommit() {}

  @Override
  public PluginMetrics pluginMetrics() {
    return null;
  }
}
