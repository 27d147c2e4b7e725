package io.github.variantconnect.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Which processes hold a lock on a file right now, from Linux's {@code /proc/locks}: seeing DuckDB's
 * lock without taking one, so watching the sink's file does not delay its writes.
 */
final class FileLockHolders {

  private static final Path PROC_LOCKS = Path.of("/proc/locks");

  private FileLockHolders() {}

  static boolean supported() {
    return Files.isReadable(PROC_LOCKS);
  }

  /** Pids holding any lock on {@code file}; empty while nobody does. */
  static Set<Long> of(Path file) {
    if (!Files.exists(file)) {
      return Set.of();
    }
    try {
      long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
      Set<Long> pids = new HashSet<>();
      // Lines read "1: POSIX  ADVISORY  WRITE 4711 fe:00:2154518 0 EOF": pid, then major:minor:inode.
      for (String line : Files.readAllLines(PROC_LOCKS)) {
        String[] fields = line.trim().split("\\s+");
        // A "->" line is a process waiting for the lock, not holding it.
        if (fields.length > 5 && !"->".equals(fields[1])) {
          String[] device = fields[5].split(":");
          if (device.length == 3 && Long.parseLong(device[2]) == inode) {
            pids.add(Long.parseLong(fields[4]));
          }
        }
      }
      return pids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
