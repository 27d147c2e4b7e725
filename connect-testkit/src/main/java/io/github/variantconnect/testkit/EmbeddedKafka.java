package io.github.variantconnect.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single combined KRaft node (broker + controller), running in the test JVM — or in its own JVM,
 * where a test can stop it and start it again.
 */
public final class EmbeddedKafka implements AutoCloseable {

  /** A persistent broker must come back with the cluster id its logs were formatted with. */
  private static final String PERSISTENT_CLUSTER_ID = "variant-connect-local";

  private static final Map<String, String> BROKER_CONFIG = Map.of(
      // One node: every internal topic, including the transaction log that exactly-once source
      // support writes to, must fit on it.
      "offsets.topic.replication.factor", "1",
      "transaction.state.log.replication.factor", "1",
      "transaction.state.log.min.isr", "1",
      "share.coordinator.state.topic.replication.factor", "1",
      "share.coordinator.state.topic.min.isr", "1",
      "group.initial.rebalance.delay.ms", "0",
      // A killed exactly-once worker leaves transactions open; a restarted worker reads the
      // offsets topic only past them. Check for timed-out ones every second, not every ten, so
      // they are aborted soon after producer.transaction.timeout.ms.
      "transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000",
      "auto.create.topics.enable", "true",
      "num.partitions", "1");

  private final KafkaClusterTestKit cluster;
  private final ChildProcessBroker child;

  private EmbeddedKafka(KafkaClusterTestKit cluster, ChildProcessBroker child) {
    this.cluster = cluster;
    this.child = child;
  }

  /** A broker in its own JVM with its log directory under {@code dir}: see {@link #stopBroker()}. */
  public static EmbeddedKafka startInChildProcess(Path dir) {
    return new EmbeddedKafka(null, ChildProcessBroker.start(dir, BROKER_CONFIG));
  }

  /**
   * Stops the broker process gracefully (child-process mode only): clients see it unreachable
   * until {@link #startBroker()}.
   */
  public void stopBroker() {
    requireChild().stop();
  }

  /** Starts the stopped broker process again, same address and logs, and awaits it. */
  public void startBroker() {
    requireChild().startProcess();
  }

  private ChildProcessBroker requireChild() {
    if (child == null) {
      throw new IllegalStateException("Only a broker in its own process can be stopped and started");
    }
    return child;
  }

  /** A broker in a temporary directory, deleted on close. */
  public static EmbeddedKafka start() {
    return start(null);
  }

  /**
   * A broker whose logs live in {@code dataDir} and survive a restart, so topics, connector configs
   * and offsets are still there next time; {@code null} means a temporary directory.
   */
  public static EmbeddedKafka start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /** As {@link #start(Path)}, with broker settings that override the defaults below. */
  public static EmbeddedKafka start(Path dataDir, Map<String, String> brokerProps) {
    try {
      TestKitNodes.Builder nodes =
          new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1);
      boolean formatted = false;
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        nodes.setBaseDirectory(dataDir).setClusterId(PERSISTENT_CLUSTER_ID);
        formatted = Files.exists(dataDir.resolve("combined_0_0/meta.properties"));
      }
      KafkaClusterTestKit.Builder builder =
          new KafkaClusterTestKit.Builder(nodes.build()).setDeleteOnClose(dataDir == null);
      BROKER_CONFIG.forEach(builder::setConfigProp);
      brokerProps.forEach(builder::setConfigProp);
      KafkaClusterTestKit cluster = builder.build();
      if (!formatted) {
        cluster.format();
      }
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafka(cluster, null);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the embedded KRaft broker", e);
    }
  }

  public String bootstrapServers() {
    return child != null ? child.bootstrapServers() : cluster.bootstrapServers();
  }

  public Admin admin() {
    return child != null ? Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers())) : cluster.admin();
  }

  /** Creates the topic if it does not exist yet. */
  public void createTopic(String topic, int partitions) {
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
      }
    } catch (Exception e) {
      throw new IllegalStateException("Could not create topic " + topic, e);
    }
  }

  public Map<String, Object> clientProps() {
    return Map.of("bootstrap.servers", bootstrapServers());
  }

  @Override
  public void close() throws Exception {
    if (child != null) {
      if (child.isAlive()) {
        child.kill();
      }
    } else {
      cluster.close();
    }
  }
}
