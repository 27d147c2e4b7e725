package io.github.variantconnect.reliability;

import io.github.variantconnect.testkit.ConnectCluster;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Watches the logs of the live workers for a line that marks a moment — a task being created, a
 * round of zombie fencing, a rebalance — written after the watch began. Polls every few
 * milliseconds, so a kill can follow the moment closely.
 */
final class LogWatch {

  private final Path[] files;
  private final long[] from;

  private LogWatch(ConnectCluster connect) {
    int workers = connect.workerCount();
    this.files = new Path[workers];
    this.from = new long[workers];
    for (int index = 0; index < workers; index++) {
      if (connect.worker(index) != null && connect.worker(index).isAlive()) {
        files[index] = connect.workerLog(index);
        from[index] = size(files[index]);
      }
    }
  }

  /** Starts watching what the live workers log from now on. */
  static LogWatch from(ConnectCluster connect) {
    return new LogWatch(connect);
  }

  /** Awaits a line containing {@code text} and returns the index of the worker that logged it. */
  int awaitLine(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (int index = 0; index < files.length; index++) {
        if (files[index] != null && Files.exists(files[index]) && newText(index).contains(text)) {
          return index;
        }
      }
      pause();
    }
    throw new AssertionError("no worker logged \"" + text + "\" within " + timeout);
  }

  private String newText(int index) {
    try (RandomAccessFile file = new RandomAccessFile(files[index].toFile(), "r")) {
      long length = file.length();
      if (length <= from[index]) {
        return "";
      }
      byte[] bytes = new byte[(int) (length - from[index])];
      file.seek(from[index]);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
