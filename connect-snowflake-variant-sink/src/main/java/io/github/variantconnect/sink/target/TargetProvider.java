package io.github.variantconnect.sink.target;

import io.github.variantconnect.common.config.KeyError;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A kind of target, found with {@link java.util.ServiceLoader} under {@code
 * META-INF/services/io.github.variantconnect.sink.target.TargetProvider}. Adding a store means
 * adding a provider; the connector's config, validation and task pick it up by {@link #name()}.
 */
public interface TargetProvider {

  /** The value of {@code variant.target} that selects this target, e.g. {@code duckdb}. */
  String name();

  /** The keys only this target reads; they join the connector's config definition. */
  ConfigDef configDef();

  /**
   * Checks that need several keys or the environment (a writable directory, a reachable account),
   * run only when this target is selected. Each error is attached to the key a user has to fix.
   */
  List<KeyError> validate(Map<String, String> connectorConfig);

  /** A target for one task. Nothing is opened or locked until partitions are opened. */
  Target create(TargetSettings settings);
}
