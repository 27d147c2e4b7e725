package io.github.variantconnect.sink.target.snowflake.streaming;

import io.github.variantconnect.sink.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens many channels at once on a rebalance: each open is a round trip to Snowflake, and one by
 * one inside the rebalance callback they can outlast the consumer's poll interval. The opens run on
 * a small bounded pool; all of them must finish within the budget, or the whole open fails
 * retriably (channels that did open are simply reopened next time, which fences nothing of ours).
 */
final class ChannelOpener implements AutoCloseable {

  static final int THREADS = 8;
  private static final AtomicInteger POOLS = new AtomicInteger();

  @FunctionalInterface
  interface Open<K> {
    PartitionChannel open(K key) throws TargetException;
  }

  private final Duration budget;
  private final ExecutorService pool;

  ChannelOpener(Duration budget) {
    this.budget = budget;
    int id = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(THREADS, runnable -> {
      Thread thread = new Thread(runnable, "variant-snowflake-open-" + id + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Opens every key's channel; the first failure (in key order) is thrown once all have settled. */
  <K> Map<K, PartitionChannel> openAll(List<K> keys, Open<K> open) throws TargetException {
    Map<K, Future<PartitionChannel>> futures = new LinkedHashMap<>();
    for (K key : keys) {
      futures.put(key, pool.submit(() -> open.open(key)));
    }
    long deadline = System.nanoTime() + budget.toNanos();
    Map<K, PartitionChannel> opened = new LinkedHashMap<>();
    TargetException failure = null;
    List<K> late = new ArrayList<>();
    for (Map.Entry<K, Future<PartitionChannel>> entry : futures.entrySet()) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        opened.put(entry.getKey(), entry.getValue().get(left, TimeUnit.NANOSECONDS));
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof TargetException t ? t
              : TargetException.fatal("opening the channel of " + entry.getKey() + " failed: " + e.getCause(),
                  e.getCause());
        }
      } catch (TimeoutException e) {
        entry.getValue().cancel(true);
        late.add(entry.getKey());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw TargetException.retriable("interrupted opening channels", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (!late.isEmpty()) {
      throw TargetException.retriable("opening the channels of " + late + " took longer than "
          + budget.toMillis() + " ms", null);
    }
    return opened;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
