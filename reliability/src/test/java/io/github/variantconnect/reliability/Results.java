package io.github.variantconnect.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * Numbers a test measured, printed and written to {@code target/reliability-results/<name>.txt},
 * where whoever reports on the run (docs/benchmarks.md) picks them up.
 */
final class Results {

  private final Path file;

  private Results(Path file) {
    this.file = file;
  }

  /** A fresh results file for one test. */
  static Results named(String name) {
    Path dir = Path.of(System.getProperty("variantconnect.build.dir", "target"), "reliability-results");
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".txt");
      Files.writeString(file, "# " + name + ", " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
          + " cores, Java " + System.getProperty("java.version") + System.lineSeparator(), StandardCharsets.UTF_8);
      return new Results(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends one line and prints it. */
  void line(String text) {
    System.out.println("[reliability] " + text);
    try {
      Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void lines(List<String> lines) {
    lines.forEach(this::line);
  }

  Path file() {
    return file;
  }
}
