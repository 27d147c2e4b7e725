package io.github.variantconnect.http.metrics;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counters of one endpoint, exposed over JMX while its task runs. */
public final class EndpointMetrics implements EndpointMetricsMXBean, AutoCloseable {

  public static final String DOMAIN = "io.github.variantconnect.http";
  private static final Logger log = LoggerFactory.getLogger(EndpointMetrics.class);
  /** Which instance registered each name, so closing a replaced task leaves its successor alone. */
  private static final Map<ObjectName, EndpointMetrics> OWNERS = new ConcurrentHashMap<>();

  private final String endpoint;
  private final int task;
  private final LongAdder requests = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final Map<String, LongAdder> failuresByStatus = new ConcurrentHashMap<>();
  private final LongAdder retries = new LongAdder();
  private final LongAdder records = new LongAdder();
  private final LongAdder pages = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final AtomicLong lastEventMillis = new AtomicLong(-1);
  private final AtomicLong lastSuccess = new AtomicLong();
  private final Clock clock;
  private volatile boolean caughtUp;
  private ObjectName name;

  public EndpointMetrics(String endpoint, int task) {
    this(endpoint, task, Clock.systemUTC());
  }

  /** Metrics whose time behind the head is measured on {@code clock}. */
  public EndpointMetrics(String endpoint, int task, Clock clock) {
    this.endpoint = endpoint;
    this.task = task;
    this.clock = clock;
  }

  public static ObjectName objectName(String connector, String endpoint) throws JMException {
    return new ObjectName(DOMAIN + ":type=endpoint,connector=" + ObjectName.quote(connector)
        + ",endpoint=" + ObjectName.quote(endpoint));
  }

  /** Registers under the connector and endpoint; a stale bean of a task being replaced gives way. */
  public EndpointMetrics register(String connector) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName objectName = objectName(connector, endpoint);
      synchronized (OWNERS) {
        if (server.isRegistered(objectName)) {
          server.unregisterMBean(objectName);
        }
        server.registerMBean(this, objectName);
        OWNERS.put(objectName, this);
      }
      name = objectName;
    } catch (JMException e) {
      log.warn("JMX metrics for endpoint {} not registered: {}", endpoint, e.toString());
    }
    return this;
  }

  @Override
  public void close() {
    if (name == null) {
      return;
    }
    synchronized (OWNERS) {
      // Only our own bean: a newer task may already have registered its replacement under the name.
      if (OWNERS.remove(name, this)) {
        try {
          ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
          log.debug("JMX metrics for endpoint {} not unregistered: {}", endpoint, e.toString());
        }
      }
    }
    name = null;
  }

  public void request() {
    requests.increment();
  }

  public void failure(String label) {
    failures.increment();
    failuresByStatus.computeIfAbsent(label, k -> new LongAdder()).increment();
  }

  public void retry() {
    retries.increment();
  }

  public void page(long nowMillis) {
    pages.increment();
    lastSuccess.set(nowMillis);
  }

  public void delivered(int count, Long lastEventTime, boolean roundEnded) {
    records.add(count);
    if (lastEventTime != null) {
      lastEventMillis.set(lastEventTime);
    }
    caughtUp = roundEnded;
  }

  public void duplicate() {
    duplicates.increment();
  }

  @Override
  public String getEndpoint() {
    return endpoint;
  }

  @Override
  public int getTask() {
    return task;
  }

  @Override
  public long getRequests() {
    return requests.sum();
  }

  @Override
  public Map<String, Long> getFailuresByStatus() {
    Map<String, Long> snapshot = new TreeMap<>();
    failuresByStatus.forEach((status, count) -> snapshot.put(status, count.sum()));
    return snapshot;
  }

  @Override
  public long getFailures() {
    return failures.sum();
  }

  @Override
  public long getRetries() {
    return retries.sum();
  }

  @Override
  public long getRecords() {
    return records.sum();
  }

  @Override
  public long getPages() {
    return pages.sum();
  }

  @Override
  public long getDuplicatesDropped() {
    return duplicates.sum();
  }

  @Override
  public long getTimeBehindHeadMs() {
    long last = lastEventMillis.get();
    return caughtUp || last < 0 ? 0 : Math.max(0, clock.millis() - last);
  }

  @Override
  public long getLastSuccessEpochMs() {
    return lastSuccess.get();
  }
}
