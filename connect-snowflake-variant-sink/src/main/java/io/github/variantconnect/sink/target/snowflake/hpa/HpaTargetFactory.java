package io.github.variantconnect.sink.target.snowflake.hpa;

import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetSettings;
import io.github.variantconnect.sink.target.snowflake.SnowflakeConfig;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Builds the high-performance target. Production passes the config; tests and the contract suite
 * pass their own client factory (an in-memory SDK) and clock through {@link #create(HpaClientFactory,
 * HpaTarget.TableCheck, TopicTableMap, PipeNames, String, Duration, LongSupplier)}.
 */
public final class HpaTargetFactory {

  /** One SDK call (open, append, status) waits this long before the client counts as stuck. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  private static final int THREADS = 8;

  private HpaTargetFactory() {}

  public static Target create(SnowflakeConfig config, TargetSettings settings, HpaTarget.TableCheck tables) {
    TopicTableMap routing = VariantSinkConfig.topicTableMap(settings.config());
    return create(new SdkClientFactory(config), tables, routing, config.pipeNames(), settings.connectorName(),
        settings.taskId(), config.connectBudget(), CALL_TIMEOUT, System::currentTimeMillis);
  }

  /** A target on the given clients; {@code clock} in milliseconds, for the connect budget. */
  public static Target create(HpaClientFactory clients, HpaTarget.TableCheck tables, TopicTableMap routing,
      PipeNames pipes, String connectorName, Duration connectBudget, LongSupplier clock) {
    return create(clients, tables, routing, pipes, connectorName, 0, connectBudget, CALL_TIMEOUT, clock);
  }

  static Target create(HpaClientFactory clients, HpaTarget.TableCheck tables, TopicTableMap routing, PipeNames pipes,
      String connectorName, int taskId, Duration connectBudget, Duration callTimeout, LongSupplier clock) {
    String prefix = "VARIANT_CONNECT_" + connectorName.replaceAll("[^A-Za-z0-9_]", "_") + "_" + taskId;
    return new HpaTarget(new HpaClients(clients, prefix, callTimeout, THREADS), tables, routing, pipes, connectorName,
        new ConnectBudget(connectBudget, clock));
  }
}
