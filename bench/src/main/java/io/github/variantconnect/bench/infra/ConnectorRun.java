package io.github.variantconnect.bench.infra;

import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Registers a connector through the REST API, times its output growing to the target, removes it. */
public final class ConnectorRun {

  /**
   * Removing a connector rebalances the worker's tasks; the next run must not start inside that
   * rebalance, or its tasks are stopped and restarted while being timed.
   */
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private ConnectorRun() {}

  public static Throughput time(ConnectCluster cluster, String name, Map<String, String> config,
      LongSupplier count, long target, Duration timeout) {
    return time(cluster, name, config, count, target, timeout, () -> { });
  }

  /** As above; {@code beforeRemoval} runs once the target is reached, while the connector still runs. */
  public static Throughput time(ConnectCluster cluster, String name, Map<String, String> config,
      LongSupplier count, long target, Duration timeout, Runnable beforeRemoval) {
    return run(cluster, Map.of(name, config), () -> GrowthTimer.time(name, count, target, timeout), beforeRemoval);
  }

  /** Several connectors registered together, their joint output timed to the target. */
  public static Throughput timeAll(ConnectCluster cluster, Map<String, Map<String, String>> configs,
      LongSupplier count, long target, Duration timeout, Runnable beforeRemoval) {
    String what = String.join("+", configs.keySet());
    return run(cluster, configs, () -> GrowthTimer.time(what, count, target, timeout), beforeRemoval);
  }

  /** For a connector that produces until removed: its output timed over {@code span}. */
  public static Throughput window(ConnectCluster cluster, String name, Map<String, String> config,
      LongSupplier count, Duration span, Duration timeout) {
    return run(cluster, Map.of(name, config), () -> GrowthTimer.window(name, count, span, timeout), () -> { });
  }

  private static Throughput run(ConnectCluster cluster, Map<String, Map<String, String>> configs,
      Supplier<Throughput> timer, Runnable beforeRemoval) {
    configs.forEach((name, config) -> cluster.rest().putConfig(name, config));
    try {
      Throughput throughput = timer.get();
      beforeRemoval.run();
      return throughput;
    } catch (RuntimeException e) {
      StringBuilder status = new StringBuilder();
      configs.keySet().forEach(name -> status.append("; status: ").append(cluster.rest().status(name).rawBody()));
      throw new IllegalStateException(e.getMessage() + status, e);
    } finally {
      configs.keySet().forEach(name -> remove(cluster, name));
    }
  }

  private static void remove(ConnectCluster cluster, String name) {
    cluster.rest().delete(name);
    Awaits.until(Duration.ofSeconds(60), name + " removed", () -> cluster.rest().status(name).status() == 404);
    GrowthTimer.sleepNanos(SETTLE.toNanos());
  }
}
