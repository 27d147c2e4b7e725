package io.github.variantconnect.testkit;

/**
 * Entry point of a broker in its own JVM: {@code kafka.Kafka}, ending with the test JVM that
 * started it, as {@link ChildWorkerMain} does for workers.
 */
public final class ChildBrokerMain {

  private ChildBrokerMain() {}

  public static void main(String[] args) {
    ChildWorkerMain.endWithParent();
    kafka.Kafka.main(args);
  }
}
