package io.github.variantconnect.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The log files of worker processes, searched line by line. */
final class WorkerLogs {

  private final List<Path> files;

  WorkerLogs(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /** Lines of all files that satisfy {@code filter}. */
  List<String> lines(Predicate<String> filter) {
    List<String> matches = new ArrayList<>();
    for (Path file : files) {
      try {
        // Decoding replaces bytes that are not UTF-8 instead of failing on them.
        for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
          if (filter.test(line)) {
            matches.add(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return matches;
  }

  /** Lines mentioning {@code text}. */
  List<String> containing(String text) {
    return lines(line -> line.contains(text));
  }

  /** All of the files, as one text: for searching a secret that might span a line break. */
  String text() {
    StringBuilder all = new StringBuilder();
    for (Path file : files) {
      try {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.toString();
  }
}
