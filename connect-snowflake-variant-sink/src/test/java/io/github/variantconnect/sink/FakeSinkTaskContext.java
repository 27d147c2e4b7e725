package io.github.variantconnect.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A SinkTaskContext that records what the task asked of the worker. */
public final class FakeSinkTaskContext implements SinkTaskContext {

  public final Map<TopicPartition, Long> seeks = new HashMap<>();
  public final Set<TopicPartition> assignment = new LinkedHashSet<>();
  public final Set<TopicPartition> paused = new HashSet<>();
  public final List<SinkRecord> deadLetters = new ArrayList<>();
  public final List<Throwable> deadLetterErrors = new ArrayList<>();
  public long timeout = -1;
  public boolean withReporter = true;
  public RuntimeException reportFailure;
  private final Map<String, String> configs;

  public FakeSinkTaskContext() {
    this(Map.of());
  }

  public FakeSinkTaskContext(Map<String, String> configs) {
    this.configs = configs;
  }

  @Override
  public Map<String, String> configs() {
    return configs;
  }

  @Override
  public void offset(Map<TopicPartition, Long> offsets) {
    seeks.putAll(offsets);
  }

  @Override
  public void offset(TopicPartition tp, long offset) {
    seeks.put(tp, offset);
  }

  @Override
  public void timeout(long timeoutMs) {
    timeout = timeoutMs;
  }

  @Override
  public Set<TopicPartition> assignment() {
    return assignment;
  }

  @Override
  public void pause(TopicPartition... partitions) {
    paused.addAll(List.of(partitions));
  }

  @Override
  public void resume(TopicPartition... partitions) {
    List.of(partitions).forEach(paused::remove);
  }

  @Override
  public void requestCommit() {}

  @Override
  public PluginMetrics pluginMetrics() {
    return null;
  }

  @Override
  public ErrantRecordReporter errantRecordReporter() {
    if (!withReporter) {
      return null;
    }
    return this::report;
  }

  private Future<Void> report(SinkRecord record, Throwable error) {
    if (reportFailure != null) {
      return CompletableFuture.failedFuture(reportFailure);
    }
    deadLetters.add(record);
    deadLetterErrors.add(error);
    return CompletableFuture.completedFuture(null);
  }
}
