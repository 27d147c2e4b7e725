package io.github.variantconnect.testkit;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A distributed worker in its own JVM, started with the test classpath (which holds the Connect
 * runtime but not the plugins) and the plugin folders on {@code plugin.path}. Being a separate OS
 * process, it can be killed with SIGKILL mid-stream.
 */
final class ChildProcessWorker implements ConnectWorker {

  private final Process process;
  private final URI restUrl;
  private final Path logFile;

  private ChildProcessWorker(Process process, URI restUrl, Path logFile) {
    this.process = process;
    this.restUrl = restUrl;
    this.logFile = logFile;
  }

  static ChildProcessWorker start(Map<String, String> workerProps, List<String> jvmOptions, Map<String, String> environment,
      Path workDir, String name) {
    try {
      Files.createDirectories(workDir);
      int port = ChildProcesses.freePort();
      Properties props = new Properties();
      props.putAll(workerProps);
      props.put("listeners", "http://127.0.0.1:" + port);
      Path propsFile = workDir.resolve(name + ".properties");
      try (Writer out = Files.newBufferedWriter(propsFile)) {
        props.store(out, "Connect worker for integration tests");
      }
      Path logFile = workDir.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.add("-XX:+UseSerialGC");
      command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
      command.addAll(jvmOptions);
      command.add("-D" + ChildWorkerMain.PARENT_PID + "=" + ProcessHandle.current().pid());
      command.add("-cp");
      command.add(ChildProcesses.testClasspath());
      command.add(ChildWorkerMain.class.getName());
      command.add(propsFile.toString());
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      Process process =
          builder
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      return new ChildProcessWorker(process, URI.create("http://127.0.0.1:" + port + "/"), logFile);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start a Connect worker process", e);
    }
  }

  Path logFile() {
    return logFile;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public URI restUrl() {
    return restUrl;
  }

  @Override
  public void stop() {
    process.destroy();
    ChildProcesses.awaitExit(process);
  }

  @Override
  public void kill() {
    process.destroyForcibly();
    ChildProcesses.awaitExit(process);
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }
}
