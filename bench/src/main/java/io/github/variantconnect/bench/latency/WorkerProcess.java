package io.github.variantconnect.bench.latency;

import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectRestClient;
import io.github.variantconnect.testkit.WorkerSettings;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A distributed Connect worker in its own JVM, started the way {@code connect-distributed.sh}
 * starts one (G1, 20 ms pause goal) but with the heap the goal allows, and with a GC log: the
 * worker's heap is then measured from outside, without the broker and the load generator that
 * share the benchmark's JVM.
 */
final class WorkerProcess implements AutoCloseable {

  private final Process process;
  private final URI restUrl;
  private final Path gcLog;
  private final Path log;
  private final Path recording;
  private final ConnectRestClient rest;

  private WorkerProcess(Process process, URI restUrl, Path gcLog, Path log, Path recording) {
    this.process = process;
    this.recording = recording;
    this.restUrl = restUrl;
    this.gcLog = gcLog;
    this.log = log;
    this.rest = new ConnectRestClient(() -> restUrl);
  }

  /**
   * @param exactlyOnceSource whether the worker runs sources exactly-once, as the quickstart's does
   * @param flightRecording whether to record a JFR profile of the whole run ({@link #flightRecording()})
   */
  static WorkerProcess start(String bootstrapServers, String groupId, String maxHeap, Path workDir,
      boolean exactlyOnceSource, boolean flightRecording) {
    try {
      Files.createDirectories(workDir);
      int port = freePort();
      Properties props = new Properties();
      props.putAll(new WorkerSettings(bootstrapServers, groupId, exactlyOnceSource, Map.of()).toProperties(port));
      Path propsFile = workDir.resolve(groupId + ".properties");
      try (Writer out = Files.newBufferedWriter(propsFile)) {
        props.store(out, "Connect worker of the latency benchmark");
      }
      Path gcLog = workDir.resolve(groupId + "-gc.log");
      Files.deleteIfExists(gcLog);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xms" + maxHeap, "-Xmx" + maxHeap,
          "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
          "-Xlog:gc:file=" + gcLog,
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-Dorg.slf4j.simpleLogger.showDateTime=true",
          "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
          // The sink logs each batch's size and duration at debug level: where its half of the latency goes.
          "-Dorg.slf4j.simpleLogger.log." + FlushLog.LOGGER + "=debug",
          "-Dorg.slf4j.simpleLogger.log." + FlushPhases.LOGGER + "=debug"));
      Path recording = workDir.resolve(groupId + ".jfr");
      Files.deleteIfExists(recording);
      if (flightRecording) {
        command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          "org.apache.kafka.connect.cli.ConnectDistributed", propsFile.toString()));
      Path log = workDir.resolve(groupId + ".log");
      Files.deleteIfExists(log);
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      WorkerProcess worker =
          new WorkerProcess(process, URI.create("http://127.0.0.1:" + port + "/"), gcLog, log, recording);
      Awaits.until(Duration.ofSeconds(90), "latency worker REST API ready",
          () -> process.isAlive() && worker.rest.call("GET", "connectors", null).isSuccess());
      return worker;
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the Connect worker process", e);
    }
  }

  ConnectRestClient rest() {
    return rest;
  }

  URI restUrl() {
    return restUrl;
  }

  Path gcLog() {
    return gcLog;
  }

  Path log() {
    return log;
  }

  /** The JFR file, written when the worker stops, if recording was asked for. */
  Path flightRecording() {
    return recording;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
