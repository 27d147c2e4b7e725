package io.github.variantconnect.ats.it;

import static io.github.variantconnect.ats.it.AtsConnectorConfigs.bounded;
import static io.github.variantconnect.ats.it.AtsConnectorConfigs.with;
import static io.github.variantconnect.ats.it.AtsSourceIT.assertContiguousPerTrain;
import static io.github.variantconnect.ats.it.AtsSourceIT.byEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once under crashes: the worker runs in its own JVM and is killed with SIGKILL while the
 * source is mid-stream, then restarted against the same broker. Read with read_committed, the topic
 * must hold every train's events once, in order, with no gap.
 */
class AtsExactlyOnceCrashIT {

  @RegisterExtension
  static final ConnectCluster CONNECT =
      ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @Test
  void killedWorkerLeavesNoGapAndNoDuplicate() {
    long ticks = 300;
    int trains = 115;
    // 20 ticks per second for 115 trains: ~2,300 events/s, long enough to be killed mid-stream.
    Map<String, String> config = with(bounded("ats-crash", 2, ticks), "sim.speedup", "600");
    config.put("sim.start", "");
    CONNECT.rest().putConfig("ats-crash", config);
    CONNECT.awaitRunning("ats-crash", 2, TIMEOUT);

    for (int kill = 1; kill <= 3; kill++) {
      int seen = CONNECT.topicReader().readToEnd("ats-crash").size();
      CONNECT.topicReader().awaitRecords("ats-crash", seen + trains * 20, TIMEOUT);
      CONNECT.killAndRestartWorker();
      CONNECT.awaitRunning("ats-crash", 2, TIMEOUT);
    }

    List<ConsumerRecord<String, String>> records = AtsSourceIT.awaitFinishedWith(CONNECT, "ats-crash", ticks, TIMEOUT);
    assertThat(records).hasSize(trains * (int) ticks);
    assertThat(byEventId(records)).hasSize(trains * (int) ticks);
    assertContiguousPerTrain(records, ticks);
    CONNECT.awaitRunning("ats-crash", 2, TIMEOUT);
  }
}
