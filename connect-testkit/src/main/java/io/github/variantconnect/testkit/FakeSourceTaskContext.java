package io.github.variantconnect.testkit;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A source task's context without a worker, for unit tests: its offset reader answers from a map
 * the test owns, so offsets the test "commits" there are what a restarted task reads back.
 */
public final class FakeSourceTaskContext implements SourceTaskContext {

  private final Map<String, String> configs;
  private final Map<? extends Map<String, ?>, ? extends Map<String, Object>> offsets;

  /** @param offsets the stored offsets by source partition; read live, so later changes are seen */
  public FakeSourceTaskContext(Map<String, String> configs,
      Map<? extends Map<String, ?>, ? extends Map<String, Object>> offsets) {
    this.configs = configs;
    this.offsets = offsets;
  }

  @Override
  public Map<String, String> configs() {
    return configs;
  }

  /** No metrics registry outside a worker. */
  @Override
  public PluginMetrics pluginMetrics() {
    return null;
  }

  @Override
  public OffsetStorageReader offsetStorageReader() {
    return new OffsetStorageReader() {
      @Override
      public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets.get(partition);
      }

      @Override
      public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        partitions.forEach(p -> result.put(p, offsets.get(p)));
        return result;
      }
    };
  }
}
