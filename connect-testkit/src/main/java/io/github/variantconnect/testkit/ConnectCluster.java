package io.github.variantconnect.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real KRaft broker and a real distributed Connect worker whose {@code plugin.path} holds the
 * plugin folders the build produced. Register it as a static {@code @RegisterExtension} field; it
 * starts before the class's tests and stops after them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).build();
 * }</pre>
 */
public final class ConnectCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private static final Duration WORKER_START_TIMEOUT = Duration.ofSeconds(90);

  private final boolean exactlyOnceSource;
  private final boolean childProcess;
  private final Map<String, String> workerOverrides;
  private final String groupId;
  private final Path dataDir;
  private final ConnectRestClient rest = new ConnectRestClient(this::restUrl);
  private EmbeddedKafka kafka;
  private ConnectWorker worker;
  private int workerStarts;

  private ConnectCluster(Builder builder) {
    this.exactlyOnceSource = builder.exactlyOnceSource;
    this.childProcess = builder.childProcess;
    this.workerOverrides = Map.copyOf(builder.workerOverrides);
    this.dataDir = builder.dataDir;
    // A persistent stack keeps one Connect group, so its connectors and offsets are found again.
    this.groupId = dataDir != null ? "variant-connect" : "connect-it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  /** Starts the broker and one worker; for use outside JUnit (benchmarks, the quickstart). */
  public ConnectCluster start() {
    kafka = EmbeddedKafka.start(dataDir == null ? null : dataDir.resolve("kafka"));
    startWorker();
    return this;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public ConnectRestClient rest() {
    return rest;
  }

  public TopicReader topicReader() {
    return new TopicReader(kafka.bootstrapServers());
  }

  public ConnectWorker worker() {
    return worker;
  }

  private URI restUrl() {
    if (worker == null) {
      throw new IllegalStateException("No Connect worker is running");
    }
    return worker.restUrl();
  }

  /** Starts a worker in the same Connect group; it picks up connectors and offsets from Kafka. */
  public void startWorker() {
    if (worker != null && worker.isAlive()) {
      throw new IllegalStateException("A worker is already running");
    }
    WorkerSettings settings = new WorkerSettings(kafka.bootstrapServers(), groupId, exactlyOnceSource, workerOverrides);
    workerStarts++;
    worker =
        childProcess
            ? ChildProcessWorker.start(settings.toProperties(0), workDir(), "worker-" + workerStarts)
            : InProcessWorker.start(settings.toProperties(0));
    Awaits.until(WORKER_START_TIMEOUT, "Connect worker REST API ready", () -> rest.call("GET", "connectors", null).isSuccess());
  }

  /** Graceful stop and start of the worker against the same broker. */
  public void restartWorker() {
    worker.stop();
    startWorker();
  }

  /** SIGKILL of the worker process (child-process mode only), then a fresh start. */
  public void killAndRestartWorker() {
    worker.kill();
    startWorker();
  }

  /** The log file of the current worker process, in child-process mode. */
  public Path workerLog() {
    if (worker instanceof ChildProcessWorker child) {
      return child.logFile();
    }
    throw new IllegalStateException("Worker logs are files only in child-process mode");
  }

  /** Awaits the connector and at least {@code tasks} tasks in state RUNNING. */
  public JsonNode awaitRunning(String connector, int tasks, Duration timeout) {
    return Awaits.value(
        timeout,
        connector + " RUNNING with " + tasks + " task(s)",
        () -> rest.status(connector).ok().body(),
        status -> isRunning(status, tasks));
  }

  /** Awaits a task of the connector in state FAILED and returns the status with its trace. */
  public JsonNode awaitTaskFailed(String connector, Duration timeout) {
    return Awaits.value(
        timeout,
        connector + " has a FAILED task",
        () -> rest.status(connector).ok().body(),
        status -> {
          for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
              return true;
            }
          }
          return false;
        });
  }

  private static boolean isRunning(JsonNode status, int tasks) {
    if (!"RUNNING".equals(status.path("connector").path("state").asText())) {
      return false;
    }
    int running = 0;
    for (JsonNode task : status.path("tasks")) {
      if ("RUNNING".equals(task.path("state").asText())) {
        running++;
      }
    }
    return running >= tasks && running == status.path("tasks").size();
  }

  private Path workDir() {
    String buildDir = System.getProperty("variantconnect.build.dir", "target");
    try {
      return Files.createDirectories(
          dataDir != null ? dataDir.resolve("logs") : Path.of(buildDir, "connect-it", groupId));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (worker != null && worker.isAlive()) {
        worker.stop();
      }
    } finally {
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  /** Options for the broker and worker. */
  public static final class Builder {
    private boolean exactlyOnceSource;
    private boolean childProcess;
    private final Map<String, String> workerOverrides = new HashMap<>();
    private Path dataDir;

    /** Keeps broker logs (and worker logs) under this directory across restarts. */
    public Builder dataDirectory(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** {@code exactly.once.source.support=enabled} on the worker. */
    public Builder exactlyOnceSource(boolean enabled) {
      this.exactlyOnceSource = enabled;
      return this;
    }

    /** Runs the worker in its own JVM so it can be killed with SIGKILL. */
    public Builder childProcess(boolean enabled) {
      this.childProcess = enabled;
      return this;
    }

    public Builder workerProperty(String key, String value) {
      workerOverrides.put(key, value);
      return this;
    }

    public ConnectCluster build() {
      return new ConnectCluster(this);
    }
  }
}
