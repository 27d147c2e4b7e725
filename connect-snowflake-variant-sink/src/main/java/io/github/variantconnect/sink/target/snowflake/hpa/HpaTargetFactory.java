package io.github.variantconnect.sink.target.snowflake.hpa;

import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetSettings;
import io.github.variantconnect.sink.target.snowflake.ConnectBudget;
import io.github.variantconnect.sink.target.snowflake.SnowflakeConfig;
import java.time.Duration;

/**
 * Builds the high-performance target. Production passes the config; tests and the contract suite
 * pass their own client factory (an in-memory SDK) and connect budget through {@link
 * #create(HpaClientFactory, HpaTarget.TableCheck, TopicTableMap, PipeNames, String, ConnectBudget)}.
 */
public final class HpaTargetFactory {

  /** One SDK call (open, append, status) waits this long before the client counts as stuck. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  private static final int THREADS = 8;

  private HpaTargetFactory() {}

  public static Target create(SnowflakeConfig config, TargetSettings settings, HpaTarget.TableCheck tables) {
    TopicTableMap routing = VariantSinkConfig.topicTableMap(settings.config());
    return create(new SdkClientFactory(config), tables, routing, config.pipeNames(), settings.connectorName(),
        settings.taskId(), ConnectBudget.of(config.connectBudget(), config.url().host(), config.url().port()),
        CALL_TIMEOUT);
  }

  /** A target on the given clients, connecting within the given budget. */
  public static Target create(HpaClientFactory clients, HpaTarget.TableCheck tables, TopicTableMap routing,
      PipeNames pipes, String connectorName, ConnectBudget budget) {
    return create(clients, tables, routing, pipes, connectorName, 0, budget, CALL_TIMEOUT);
  }

  static Target create(HpaClientFactory clients, HpaTarget.TableCheck tables, TopicTableMap routing, PipeNames pipes,
      String connectorName, int taskId, ConnectBudget budget, Duration callTimeout) {
    String prefix = "VARIANT_CONNECT_" + connectorName.replaceAll("[^A-Za-z0-9_]", "_") + "_" + taskId;
    return new HpaTarget(new HpaClients(clients, prefix, callTimeout, THREADS), tables, routing, pipes, connectorName,
        budget);
  }
}
