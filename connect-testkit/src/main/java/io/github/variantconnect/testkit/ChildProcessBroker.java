package io.github.variantconnect.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A combined KRaft node (broker + controller) in its own JVM, on fixed loopback ports and a log
 * directory that outlive it: it can be stopped — gracefully or with SIGKILL — and started again,
 * and clients find it at the same address with its topics, offsets and transactions.
 */
final class ChildProcessBroker {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final Path dir;
  private final Path propsFile;
  private final int brokerPort;
  private Process process;
  private int starts;

  private ChildProcessBroker(Path dir, Path propsFile, int brokerPort) {
    this.dir = dir;
    this.propsFile = propsFile;
    this.brokerPort = brokerPort;
  }

  /** Formats a fresh log directory under {@code dir} and starts the node. */
  static ChildProcessBroker start(Path dir, Map<String, String> brokerConfig) {
    try {
      Files.createDirectories(dir);
      int brokerPort = ChildProcesses.freePort();
      int controllerPort = ChildProcesses.freePort();
      Properties props = new Properties();
      props.putAll(brokerConfig);
      props.put("process.roles", "broker,controller");
      props.put("node.id", "1");
      props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
      props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
      props.put("controller.listener.names", "CONTROLLER");
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      props.put("inter.broker.listener.name", "PLAINTEXT");
      props.put("log.dirs", dir.resolve("data").toAbsolutePath().toString());
      Path propsFile = dir.resolve("broker.properties");
      try (Writer out = Files.newBufferedWriter(propsFile)) {
        props.store(out, "KRaft node for integration tests");
      }
      ChildProcessBroker broker = new ChildProcessBroker(dir, propsFile, brokerPort);
      broker.format();
      broker.startProcess();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start a broker process", e);
    }
  }

  String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Starts the node again on the same ports and log directory, and awaits it. */
  void startProcess() {
    if (isAlive()) {
      throw new IllegalStateException("The broker is already running");
    }
    starts++;
    process = launch(List.of(ChildBrokerMain.class.getName(), propsFile.toString()), "broker-" + starts);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      Awaits.until(READY_TIMEOUT, "broker at " + bootstrapServers() + " answering", () -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("the broker process ended; see " + logFile(starts));
        }
        try {
          return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1;
        } catch (Exception e) {
          throw new IllegalStateException("broker not answering yet: " + e.getMessage(), e);
        }
      });
    }
  }

  /** Graceful shutdown: logs flushed, leadership handed over, as {@code kafka-server-stop.sh}. */
  void stop() {
    process.destroy();
    ChildProcesses.awaitExit(process);
  }

  /** SIGKILL, as a crashed machine. */
  void kill() {
    process.destroyForcibly();
    ChildProcesses.awaitExit(process);
  }

  Path logFile(int start) {
    return dir.resolve("broker-" + start + ".log");
  }

  private void format() throws IOException {
    Process formatting = launch(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
        "-c", propsFile.toString()), "format");
    try {
      if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
        formatting.destroyForcibly();
        throw new IllegalStateException("Formatting the broker's log directory failed; see " + dir.resolve("format.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Process launch(List<String> mainAndArgs, String name) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-D" + ChildWorkerMain.PARENT_PID + "=" + ProcessHandle.current().pid());
    command.add("-cp");
    command.add(ChildProcesses.testClasspath());
    command.addAll(mainAndArgs);
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + mainAndArgs.get(0), e);
    }
  }

}
