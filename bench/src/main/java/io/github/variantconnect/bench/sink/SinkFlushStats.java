package io.github.variantconnect.bench.sink;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * How much of a sink run went into writing batches (DuckDB file open → append → commit → close),
 * from the tasks' {@code Flushes} and {@code FlushLatencyAvgMs} JMX attributes; read before the
 * connector is removed, since its MBeans go with it.
 */
record SinkFlushStats(long flushes, double flushMillis) {

  static SinkFlushStats read(String connector) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    long flushes = 0;
    double millis = 0;
    try {
      ObjectName tasks = new ObjectName(
          "io.github.variantconnect:type=variant-sink-task,connector=" + ObjectName.quote(connector) + ",*");
      for (ObjectName task : server.queryNames(tasks, null)) {
        long taskFlushes = ((Number) server.getAttribute(task, "Flushes")).longValue();
        flushes += taskFlushes;
        millis += taskFlushes * ((Number) server.getAttribute(task, "FlushLatencyAvgMs")).doubleValue();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the flush metrics of " + connector, e);
    }
    return new SinkFlushStats(flushes, millis);
  }

  static SinkFlushStats sum(java.util.List<SinkFlushStats> stats) {
    return new SinkFlushStats(stats.stream().mapToLong(SinkFlushStats::flushes).sum(),
        stats.stream().mapToDouble(SinkFlushStats::flushMillis).sum());
  }

  @Override
  public String toString() {
    return String.format("%d flushes, %.0f ms avg", flushes, flushes == 0 ? 0 : flushMillis / flushes);
  }
}
