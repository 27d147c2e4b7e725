package io.github.variantconnect.sink.metrics;

/** A partition's offsets as last published by the task thread; JMX reads them concurrently. */
public final class PartitionMetrics implements PartitionMetricsMBean {

  private volatile long received = -1;
  private volatile long written = -1;
  private volatile long committed = -1;

  public void update(long received, long written, long committed) {
    this.received = received;
    this.written = written;
    this.committed = committed;
  }

  @Override
  public long getReceivedOffset() {
    return received;
  }

  @Override
  public long getWrittenOffset() {
    return written;
  }

  @Override
  public long getCommittedOffset() {
    return committed;
  }

  @Override
  public long getOffsetLag() {
    long r = received;
    long w = written;
    return r < 0 ? 0 : Math.max(0, r - w);
  }
}
