package io.github.variantconnect.sink.metrics;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's JMX metrics: one MBean for the task and one per assigned partition. Counters are
 * written by the task thread and read by JMX clients, hence atomics.
 */
public final class SinkMetrics implements SinkMetricsMBean, AutoCloseable {

  public static final String DOMAIN = "io.github.variantconnect";
  private static final Logger log = LoggerFactory.getLogger(SinkMetrics.class);

  private final MBeanServer server;
  private final String connector;
  private final int task;
  private final ObjectName taskName;
  private final Map<TopicPartition, ObjectName> partitionNames = new HashMap<>();
  private final Map<TopicPartition, PartitionMetrics> partitions = new HashMap<>();

  private final LongAdder recordsWritten = new LongAdder();
  private final LongAdder bytesWritten = new LongAdder();
  private final LongAdder flushes = new LongAdder();
  private final LongAdder flushNanos = new LongAdder();
  private final AtomicLong flushMaxMs = new AtomicLong();
  private volatile long lastFlushMs;
  private final LongAdder deadLetters = new LongAdder();
  private final LongAdder skippedNulls = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private volatile long buffered;

  public SinkMetrics(String connector, int task) {
    this(ManagementFactory.getPlatformMBeanServer(), connector, task);
  }

  SinkMetrics(MBeanServer server, String connector, int task) {
    this.server = server;
    this.connector = connector;
    this.task = task;
    this.taskName = taskObjectName(connector, task);
    register(taskName, this);
  }

  public static ObjectName taskObjectName(String connector, int task) {
    return objectName("type=variant-sink-task,connector=" + ObjectName.quote(connector) + ",task=" + task);
  }

  public static ObjectName partitionObjectName(String connector, int task, TopicPartition tp) {
    return objectName("type=variant-sink-partition,connector=" + ObjectName.quote(connector) + ",task=" + task
        + ",topic=" + ObjectName.quote(tp.topic()) + ",partition=" + tp.partition());
  }

  private static ObjectName objectName(String properties) {
    try {
      return new ObjectName(DOMAIN + ":" + properties);
    } catch (JMException e) {
      throw new IllegalArgumentException(properties, e);
    }
  }

  /** The partition's metrics, registered on first use. */
  public PartitionMetrics partition(TopicPartition tp) {
    PartitionMetrics metrics = partitions.get(tp);
    if (metrics == null) {
      metrics = new PartitionMetrics();
      ObjectName name = partitionObjectName(connector, task, tp);
      register(name, metrics);
      partitions.put(tp, metrics);
      partitionNames.put(tp, name);
    }
    return metrics;
  }

  public void removePartition(TopicPartition tp) {
    partitions.remove(tp);
    ObjectName name = partitionNames.remove(tp);
    if (name != null) {
      unregister(name);
    }
  }

  public void flushed(int rows, long bytes, long nanos) {
    recordsWritten.add(rows);
    bytesWritten.add(bytes);
    flushes.increment();
    flushNanos.add(nanos);
    long ms = nanos / 1_000_000;
    lastFlushMs = ms;
    flushMaxMs.accumulateAndGet(ms, Math::max);
  }

  public void deadLettered() {
    deadLetters.increment();
  }

  public void skippedNull() {
    skippedNulls.increment();
  }

  public void retried() {
    retries.increment();
  }

  public void buffered(long rows) {
    buffered = rows;
  }

  private void register(ObjectName name, Object bean) {
    try {
      if (server.isRegistered(name)) {
        // A task restarted in the same worker before its predecessor let go.
        server.unregisterMBean(name);
      }
      server.registerMBean(bean, name);
    } catch (JMException e) {
      log.warn("Could not register JMX metrics {}: {}", name, e.toString());
    }
  }

  private void unregister(ObjectName name) {
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (JMException e) {
      log.debug("Could not unregister {}: {}", name, e.toString());
    }
  }

  @Override
  public void close() {
    for (ObjectName name : partitionNames.values()) {
      unregister(name);
    }
    partitionNames.clear();
    partitions.clear();
    unregister(taskName);
  }

  @Override
  public long getRecordsWritten() {
    return recordsWritten.sum();
  }

  @Override
  public long getBytesWritten() {
    return bytesWritten.sum();
  }

  @Override
  public long getFlushes() {
    return flushes.sum();
  }

  @Override
  public double getFlushLatencyAvgMs() {
    long count = flushes.sum();
    return count == 0 ? 0.0 : flushNanos.sum() / 1e6 / count;
  }

  @Override
  public long getFlushLatencyMaxMs() {
    return flushMaxMs.get();
  }

  @Override
  public long getLastFlushLatencyMs() {
    return lastFlushMs;
  }

  @Override
  public long getDeadLetterRecords() {
    return deadLetters.sum();
  }

  @Override
  public long getSkippedNullRecords() {
    return skippedNulls.sum();
  }

  @Override
  public long getTargetRetries() {
    return retries.sum();
  }

  @Override
  public long getBufferedRecords() {
    return buffered;
  }
}
