package io.github.variantconnect.quickstart.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, one process per page load, as a person's browser would load the
 * dashboard. {@code --virtual-time-budget} lets the page run its scripts (fetches included) for
 * that much page time before the DOM is dumped or the screenshot taken. Each run gets a fresh
 * profile, and background networking is off: this machine has no network beyond loopback.
 */
final class HeadlessChromium {

  static final Path BINARY = Path.of(System.getProperty("variantconnect.chromium", "/usr/bin/chromium"));
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(90);

  private final Path workDir;

  HeadlessChromium(Path workDir) {
    this.workDir = workDir;
  }

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Skips the calling test where Chromium is missing — except in CI ({@code CI=true}), where a
   * missing browser fails it: CI installs Chromium, and a skip there would hide that it did not.
   */
  static void requireOrSkip() {
    String missing = BINARY + " is missing: install Debian's chromium package (apt-get install -y chromium)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      if (!available()) {
        throw new AssertionError(missing + "; with CI=true the dashboard browser tests must run");
      }
      return;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(available(), missing + " to run the dashboard browser tests");
  }

  /** The DOM after {@code pageTime} of page time. */
  String dumpDom(String url, Duration pageTime) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "dom-", ".html");
    run(List.of("--window-size=1400,1350", "--virtual-time-budget=" + pageTime.toMillis(), "--dump-dom", url), out);
    return Files.readString(out);
  }

  /** A PNG of the page after {@code pageTime} of page time. */
  void screenshot(String url, Path png, int width, int height, Duration pageTime)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(List.of("--window-size=" + width + "," + height, "--hide-scrollbars",
        "--virtual-time-budget=" + pageTime.toMillis(), "--screenshot=" + png.toAbsolutePath(), url),
        Files.createTempFile(workDir, "screenshot-", ".log"));
    if (!Files.isRegularFile(png)) {
      throw new IOException("Chromium wrote no screenshot to " + png);
    }
  }

  private void run(List<String> pageArgs, Path stdout) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "profile-");
    List<String> command = new ArrayList<>(List.of(BINARY.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
    command.addAll(pageArgs);
    Path stderr = workDir.resolve("chromium-stderr.log");
    Process process = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
        .start();
    try {
      if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IOException("Chromium did not finish within " + PROCESS_TIMEOUT + "; see " + stderr);
      }
      if (process.exitValue() != 0) {
        throw new IOException("Chromium exited with " + process.exitValue() + "; see " + stderr);
      }
    } finally {
      deleteRecursively(profile);
    }
  }

  /** Best effort: a helper process may still be letting go of a file; the test's temp dir goes anyway. */
  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // left for the temp dir's cleanup
    }
  }
}
