package io.github.variantconnect.sink.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The classes of a plugin folder by the jars that hold them. Multi-release variants ({@code
 * META-INF/versions/}) and {@code module-info.class} belong to their own jar and are left out; any
 * other class in two jars is one the class loader would take from whichever comes first.
 *
 * <p>One exception, by name: Apache Parquet's {@code parquet-column} and {@code parquet-hadoop}
 * (brought by the classic ingest SDK) both ship the fastutil classes they relocate to {@code
 * shaded/parquet/}, byte for byte the same; upstream publishes them that way, and only
 * repackaging the jars would remove the copy.
 */
final class BundledClasses {

  private static final String UPSTREAM_RELOCATED = "shaded/parquet/";

  private BundledClasses() {}

  /** Class entry to the jars holding it, for classes in more than one jar. */
  static Map<String, List<String>> duplicates(Path folder) throws IOException {
    Map<String, List<String>> owners = owners(folder, null);
    owners.values().removeIf(jars -> jars.size() < 2);
    for (String name : List.copyOf(owners.keySet())) {
      if (name.startsWith(UPSTREAM_RELOCATED) && sameBytes(folder, name, owners.get(name))) {
        owners.remove(name);
      }
    }
    return owners;
  }

  /** Class entry to the jars holding it; only {@code entry} when it is given. */
  static Map<String, List<String>> owners(Path folder, String entry) throws IOException {
    Map<String, List<String>> owners = new TreeMap<>();
    for (Path jar : jars(folder)) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry e : zip.stream().map(ZipEntry.class::cast).toList()) {
          String name = e.getName();
          if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")
              || (entry != null && !entry.equals(name))) {
            continue;
          }
          owners.computeIfAbsent(name, n -> new ArrayList<>()).add(jar.getFileName().toString());
        }
      }
    }
    return owners;
  }

  private static boolean sameBytes(Path folder, String entry, List<String> jars) throws IOException {
    byte[] first = null;
    for (String jar : jars) {
      try (ZipFile zip = new ZipFile(folder.resolve(jar).toFile())) {
        byte[] bytes = zip.getInputStream(zip.getEntry(entry)).readAllBytes();
        if (first != null && !java.util.Arrays.equals(first, bytes)) {
          return false;
        }
        first = bytes;
      }
    }
    return true;
  }

  /** What {@code du -sm} reports for the folder's jars, rounded up. */
  static long megabytes(Path folder) throws IOException {
    long bytes = 0;
    for (Path jar : jars(folder)) {
      bytes += Files.size(jar);
    }
    return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
  }

  private static List<Path> jars(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }
}
