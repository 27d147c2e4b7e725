package io.github.variantconnect.quickstart;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Everything the stack keeps between runs, under one directory: the broker's logs (topics,
 * connector configs, source offsets), the worker logs, the DuckDB file and the position of the
 * demo clickstream feed. A second run over the same directory resumes; a reset empties it.
 */
public final class DataDirectory {

  /**
   * Marks a directory this class created, so that a reset never empties a directory that merely
   * happens to be named by a mistyped flag.
   */
  static final String MARKER = ".variant-connect-quickstart";

  private final Path root;

  private DataDirectory(Path root) {
    this.root = root;
  }

  /**
   * Opens (creating if needed) the data directory; with {@code reset} its previous content is
   * deleted first.
   *
   * @throws IOException if the directory holds files but is not a quickstart data directory
   */
  public static DataDirectory open(Path root, boolean reset) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    if (Files.isDirectory(dir) && !isEmpty(dir) && !Files.exists(dir.resolve(MARKER))) {
      throw new IOException(dir + " is not empty and was not created by the quickstart;"
          + " choose another data directory");
    }
    if (reset && Files.isDirectory(dir)) {
      deleteContents(dir);
    }
    Files.createDirectories(dir);
    if (!Files.exists(dir.resolve(MARKER))) {
      Files.writeString(dir.resolve(MARKER),
          "State of the Variant Connect quickstart; delete the directory or run with --reset.\n");
    }
    return new DataDirectory(dir);
  }

  public Path root() {
    return root;
  }

  /** The DuckDB file the sink writes and the dashboard reads. */
  public Path duckDbFile() {
    return root.resolve("variant.duckdb");
  }

  /** Where the demo clickstream API's position is kept. */
  public Path clickstreamFeedFile() {
    return root.resolve("clickstream-feed.properties");
  }

  /** True once a previous run left broker data behind, i.e. this run resumes. */
  public boolean hasBrokerData() {
    return Files.isDirectory(root.resolve("kafka"));
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteContents(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path visited, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        if (!visited.equals(dir)) {
          Files.delete(visited);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
