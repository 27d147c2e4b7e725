package io.github.variantconnect.testkit;

import java.net.URI;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

/** A distributed worker inside the test JVM; fast to start, but it cannot be killed. */
final class InProcessWorker implements ConnectWorker {

  static {
    // A failed start calls Exit.exit(); in a test JVM that must be an exception, not an exit.
    Exit.setExitProcedure(
        (status, message) -> {
          throw new IllegalStateException("Connect worker exit " + status + ": " + message);
        });
  }

  private final Connect<DistributedHerder> connect;
  private boolean alive = true;

  private InProcessWorker(Connect<DistributedHerder> connect) {
    this.connect = connect;
  }

  static InProcessWorker start(Map<String, String> props) {
    return new InProcessWorker(new ConnectDistributed().startConnect(props));
  }

  @Override
  public URI restUrl() {
    return connect.rest().serverUrl();
  }

  @Override
  public void stop() {
    connect.stop();
    connect.awaitStop();
    alive = false;
  }

  @Override
  public void kill() {
    throw new UnsupportedOperationException(
        "A worker inside the test JVM cannot be killed; use ConnectCluster.builder().childProcess()");
  }

  @Override
  public boolean isAlive() {
    return alive;
  }
}
