package io.github.variantconnect.sink.target;

import java.util.Map;
import java.util.TreeSet;

/**
 * What a provider needs to build a task's target: the connector name (which scopes stored offsets,
 * like a consumer group), the task number and the full connector config.
 */
public record TargetSettings(String connectorName, int taskId, Map<String, String> config) {

  public TargetSettings {
    config = Map.copyOf(config);
  }

  /** Names the keys only: the config holds secrets (private keys, passphrases) in clear text. */
  @Override
  public String toString() {
    return "TargetSettings[connectorName=" + connectorName + ", taskId=" + taskId + ", keys="
        + new TreeSet<>(config.keySet()) + "]";
  }
}
