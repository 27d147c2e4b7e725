package io.github.variantconnect.bench.sink;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Rows the sink has committed to DuckDB, from each partition's {@code WrittenOffset} JMX attribute:
 * offsets 0..n written means n + 1 rows. The worker runs in this JVM, so its MBeans are on this
 * platform server, and reading them never touches the file the sink writes. Offsets rather than the
 * tasks' row counters, because a task restarted by a rebalance starts its counters again from zero;
 * the highest offset seen per partition is kept for the same reason.
 */
final class SinkRowsWritten implements LongSupplier {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ObjectName partitions;
  private final Map<String, Long> highestWritten = new HashMap<>();

  SinkRowsWritten(String connector) {
    try {
      this.partitions = new ObjectName(
          "io.github.variantconnect:type=variant-sink-partition,connector=" + ObjectName.quote(connector) + ",*");
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException(connector, e);
    }
  }

  @Override
  public long getAsLong() {
    for (ObjectName partition : server.queryNames(partitions, null)) {
      try {
        long written = (Long) server.getAttribute(partition, "WrittenOffset");
        String key = partition.getKeyProperty("topic") + "/" + partition.getKeyProperty("partition");
        highestWritten.merge(key, written, Math::max);
      } catch (InstanceNotFoundException e) {
        // The partition was revoked between the query and the read; its highest offset is kept.
      } catch (Exception e) {
        throw new IllegalStateException("Cannot read " + partition, e);
      }
    }
    return highestWritten.values().stream().mapToLong(offset -> offset + 1).sum();
  }
}
