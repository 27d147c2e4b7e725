package io.github.variantconnect.testkit;

import java.net.URI;

/** A running distributed Connect worker, reachable over its REST API. */
public interface ConnectWorker extends AutoCloseable {

  URI restUrl();

  /** Graceful shutdown: tasks are stopped and offsets flushed. */
  void stop();

  /**
   * Ends the worker without any shutdown work, as a crash or {@code kill -9} would. Only a worker
   * in its own OS process can really be killed.
   */
  void kill();

  boolean isAlive();

  /** The id of the OS process running the worker; for a worker inside the test JVM, that JVM's. */
  default long pid() {
    return ProcessHandle.current().pid();
  }

  @Override
  default void close() {
    if (isAlive()) {
      stop();
    }
  }
}
