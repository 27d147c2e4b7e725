package io.github.variantconnect.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *
 * <p>With {@code workers(n)} it starts {@code n} workers in one Connect group; the methods without a
 * worker index act on worker 0, and {@link #rest()} talks to whichever worker is alive.
 */
public final class ConnectCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private static final Duration WORKER_START_TIMEOUT = Duration.ofSeconds(90);

  private final boolean exactlyOnceSource;
  private final boolean childProcess;
  private final boolean brokerProcess;
  private final Map<String, String> workerOverrides;
  private final Map<String, String> brokerOverrides;
  private final List<String> workerJvmOptions;
  private final Map<String, String> workerEnvironment;
  private final String groupId;
  private final Path dataDir;
  private final ConnectRestClient rest = new ConnectRestClient(this::restUrl);
  private final ConnectWorker[] workers;
  private final List<Path> workerLogs = new CopyOnWriteArrayList<>();
  private EmbeddedKafka kafka;
  private int workerStarts;

  private ConnectCluster(Builder builder) {
    this.exactlyOnceSource = builder.exactlyOnceSource;
    this.childProcess = builder.childProcess;
    this.brokerProcess = builder.brokerProcess;
    this.workerOverrides = Map.copyOf(builder.workerOverrides);
    this.brokerOverrides = Map.copyOf(builder.brokerOverrides);
    this.workerJvmOptions = List.copyOf(builder.workerJvmOptions);
    this.workerEnvironment = Map.copyOf(builder.workerEnvironment);
    this.dataDir = builder.dataDir;
    this.workers = new ConnectWorker[builder.workers];
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

  /** Starts the broker and the workers; for use outside JUnit (benchmarks, the quickstart). */
  public ConnectCluster start() {
    kafka = brokerProcess ? EmbeddedKafka.startInChildProcess(workDir().resolve("broker"))
        : EmbeddedKafka.start(dataDir == null ? null : dataDir.resolve("kafka"), brokerOverrides);
    for (int index = 0; index < workers.length; index++) {
      startWorker(index);
    }
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

  /** Worker 0. */
  public ConnectWorker worker() {
    return worker(0);
  }

  /** The worker in slot {@code index} (0-based), alive or not; null before its first start. */
  public ConnectWorker worker(int index) {
    return workers[index];
  }

  public int workerCount() {
    return workers.length;
  }

  /** How the worker in slot {@code index} appears as {@code worker_id} in connector status. */
  public String workerId(int index) {
    URI url = workers[index].restUrl();
    return url.getHost() + ":" + url.getPort();
  }

  /** A REST client bound to one worker, for requests that must reach that worker. */
  public ConnectRestClient rest(int index) {
    return new ConnectRestClient(() -> workers[index].restUrl());
  }

  private URI restUrl() {
    for (ConnectWorker worker : workers) {
      if (worker != null && worker.isAlive()) {
        return worker.restUrl();
      }
    }
    throw new IllegalStateException("No Connect worker is running");
  }

  /** Starts worker 0 in the same Connect group; it picks up connectors and offsets from Kafka. */
  public void startWorker() {
    startWorker(0);
  }

  /** Starts the worker of slot {@code index} in the Connect group and awaits its REST API. */
  public void startWorker(int index) {
    if (workers[index] != null && workers[index].isAlive()) {
      throw new IllegalStateException("Worker " + index + " is already running");
    }
    WorkerSettings settings = new WorkerSettings(kafka.bootstrapServers(), groupId, exactlyOnceSource, workerOverrides);
    workerStarts++;
    if (childProcess) {
      ChildProcessWorker child = ChildProcessWorker.start(settings.toProperties(0), workerJvmOptions, workerEnvironment,
          workDir(), "worker-" + workerStarts);
      workerLogs.add(child.logFile());
      workers[index] = child;
    } else {
      workers[index] = InProcessWorker.start(settings.toProperties(0));
    }
    ConnectRestClient own = rest(index);
    Awaits.until(WORKER_START_TIMEOUT, "Connect worker " + index + " REST API ready",
        () -> own.call("GET", "connectors", null).isSuccess());
  }

  /** Graceful stop and start of worker 0 against the same broker. */
  public void restartWorker() {
    workers[0].stop();
    startWorker(0);
  }

  /** SIGKILL of worker 0 (child-process mode only), then a fresh start. */
  public void killAndRestartWorker() {
    killWorker(0);
    startWorker(0);
  }

  /** SIGKILL of one worker (child-process mode only); the group moves its work to the others. */
  public void killWorker(int index) {
    workers[index].kill();
  }

  /** Graceful stop of one worker; the group moves its work to the others. */
  public void stopWorker(int index) {
    workers[index].stop();
  }

  /** The log file of the current process of worker 0, in child-process mode. */
  public Path workerLog() {
    return workerLog(0);
  }

  /** The log file of the current process of one worker, in child-process mode. */
  public Path workerLog(int index) {
    if (workers[index] instanceof ChildProcessWorker child) {
      return child.logFile();
    }
    throw new IllegalStateException("Worker logs are files only in child-process mode");
  }

  /** Every log file any worker process of this cluster wrote, restarts included, oldest first. */
  public List<Path> workerLogs() {
    if (!childProcess) {
      throw new IllegalStateException("Worker logs are files only in child-process mode");
    }
    return new ArrayList<>(workerLogs);
  }

  /**
   * Awaits the connector and at least {@code tasks} tasks in state RUNNING on live workers. A state
   * reported by a worker that has since been killed or stopped is stale and does not count.
   */
  public JsonNode awaitRunning(String connector, int tasks, Duration timeout) {
    return Awaits.value(
        timeout,
        connector + " RUNNING with " + tasks + " task(s)",
        () -> rest.status(connector).ok().body(),
        status -> isRunning(status, tasks, liveWorkerIds()));
  }

  /** Whether the connector and at least {@code tasks} tasks are RUNNING on live workers now. */
  public boolean isRunning(String connector, int tasks) {
    ConnectRestClient.Response status = rest.status(connector);
    return status.isSuccess() && isRunning(status.body(), tasks, liveWorkerIds());
  }

  /** The {@code worker_id}s of the workers alive now. */
  public Set<String> liveWorkerIds() {
    Set<String> ids = new HashSet<>();
    for (int index = 0; index < workers.length; index++) {
      if (workers[index] != null && workers[index].isAlive()) {
        ids.add(workerId(index));
      }
    }
    return ids;
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

  private static boolean isRunning(JsonNode status, int tasks, Set<String> liveWorkers) {
    JsonNode connector = status.path("connector");
    if (!"RUNNING".equals(connector.path("state").asText())
        || !liveWorkers.contains(connector.path("worker_id").asText())) {
      return false;
    }
    int running = 0;
    for (JsonNode task : status.path("tasks")) {
      if ("RUNNING".equals(task.path("state").asText()) && liveWorkers.contains(task.path("worker_id").asText())) {
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
      for (ConnectWorker worker : workers) {
        if (worker != null && worker.isAlive()) {
          worker.stop();
        }
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
    private boolean brokerProcess;
    private final Map<String, String> workerOverrides = new HashMap<>();
    private final Map<String, String> brokerOverrides = new HashMap<>();
    private final List<String> workerJvmOptions = new ArrayList<>();
    private final Map<String, String> workerEnvironment = new HashMap<>();
    private Path dataDir;
    private int workers = 1;

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

    /**
     * Runs the broker in its own JVM too, so a test can stop it and start it again
     * ({@link EmbeddedKafka#stopBroker()}); its logs are under the workers' directory.
     */
    public Builder brokerProcess(boolean enabled) {
      this.brokerProcess = enabled;
      return this;
    }

    /** How many workers form the Connect group (default 1). */
    public Builder workers(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("A cluster needs at least one worker, got " + count);
      }
      this.workers = count;
      return this;
    }

    /**
     * Logs {@code logger} at {@code level} in child-process workers, e.g. to see a moment Connect
     * logs only at debug level.
     */
    public Builder workerLogLevel(String logger, String level) {
      workerJvmOptions.add("-Dorg.slf4j.simpleLogger.log." + logger + "=" + level);
      return this;
    }

    /** An environment variable of child-process workers, e.g. for {@code ${env:NAME}} in configs. */
    public Builder workerEnvironment(String name, String value) {
      workerEnvironment.put(name, value);
      return this;
    }

    public Builder workerProperty(String key, String value) {
      workerOverrides.put(key, value);
      return this;
    }

    /** A broker setting, e.g. {@code log.retention.check.interval.ms} for retention tests. */
    public Builder brokerProperty(String key, String value) {
      brokerOverrides.put(key, value);
      return this;
    }

    public ConnectCluster build() {
      return new ConnectCluster(this);
    }
  }
}
