package io.github.variantconnect.testkit;

import org.apache.kafka.connect.cli.ConnectDistributed;

/**
 * Entry point of a worker in its own JVM: {@link ConnectDistributed}, plus a watch on the test JVM
 * that started it. If that JVM ends in any way — a timeout, a kill, a crash — the worker ends too,
 * so no test leaves a worker running behind it.
 */
public final class ChildWorkerMain {

  /** System property holding the pid of the JVM that started this worker. */
  static final String PARENT_PID = "variantconnect.testkit.parent.pid";

  private ChildWorkerMain() {}

  public static void main(String[] args) {
    endWithParent();
    ConnectDistributed.main(args);
  }

  /** Halts this JVM when the one named by {@link #PARENT_PID} ends. */
  static void endWithParent() {
    String parent = System.getProperty(PARENT_PID);
    if (parent != null) {
      ProcessHandle.of(Long.parseLong(parent))
          .ifPresentOrElse(
              handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
              () -> Runtime.getRuntime().halt(1));
    }
  }
}
