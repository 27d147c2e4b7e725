package io.github.variantconnect.testkit;

import java.util.HashMap;
import java.util.Map;

/** Properties of a distributed Connect worker pointed at the embedded broker. */
public final class WorkerSettings {

  private final String bootstrapServers;
  private final String groupId;
  private final boolean exactlyOnceSource;
  private final Map<String, String> overrides;

  public WorkerSettings(
      String bootstrapServers,
      String groupId,
      boolean exactlyOnceSource,
      Map<String, String> overrides) {
    this.bootstrapServers = bootstrapServers;
    this.groupId = groupId;
    this.exactlyOnceSource = exactlyOnceSource;
    this.overrides = Map.copyOf(overrides);
  }

  public boolean exactlyOnceSource() {
    return exactlyOnceSource;
  }

  /** Worker properties listening on the given REST port (0 picks a free one). */
  public Map<String, String> toProperties(int restPort) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("group.id", groupId);
    props.put("config.storage.topic", groupId + "-configs");
    props.put("offset.storage.topic", groupId + "-offsets");
    props.put("status.storage.topic", groupId + "-status");
    props.put("config.storage.replication.factor", "1");
    props.put("offset.storage.replication.factor", "1");
    props.put("status.storage.replication.factor", "1");
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("value.converter.schemas.enable", "false");
    props.put("listeners", "http://127.0.0.1:" + restPort);
    props.put("rest.advertised.host.name", "127.0.0.1");
    props.put("plugin.path", PluginPath.workerValue());
    // Our plugins ship KIP-898 service manifests; loading them this way proves the manifests work.
    props.put("plugin.discovery", "service_load");
    props.put("offset.flush.interval.ms", "1000");
    props.put("scheduled.rebalance.max.delay.ms", "1000");
    props.put("task.shutdown.graceful.timeout.ms", "5000");
    // A killed worker leaves the group after its session times out; keep that short (broker minimum).
    props.put("session.timeout.ms", "6000");
    props.put("heartbeat.interval.ms", "2000");
    // A killed exactly-once task leaves its transaction open; a restarted worker reading
    // read_committed waits for it to time out, so keep that short.
    props.put("producer.transaction.timeout.ms", "10000");
    // The same for the leader's own transactional producer of the config topic (it takes the
    // worker's top-level client settings): a leader killed while writing it would otherwise hold
    // every worker's read of that topic for the 60 s default.
    props.put("transaction.timeout.ms", "10000");
    props.put("connector.client.config.override.policy", "All");
    if (exactlyOnceSource) {
      props.put("exactly.once.source.support", "enabled");
    }
    props.putAll(overrides);
    return props;
  }
}
