package io.github.variantconnect.bench.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sink's batches as its debug log reports them ("Wrote N rows of P partitions in M ms", file
 * open to close) and the flushes that met a locked file: where the sink half of the latency goes.
 */
record FlushLog(int flushes, long rows, long totalMillis, long maxMillis, int lockedAttempts, long lockBackoffMillis) {

  /** The logger whose debug lines this reads; the worker is started with it at debug level. */
  static final String LOGGER = "io.github.variantconnect.sink.core.SinkWriter";

  private static final Pattern WROTE = Pattern.compile("Wrote (\\d+) rows of \\d+ partitions in (\\d+) ms");
  private static final Pattern RETRY = Pattern.compile("retrying in (\\d+) ms");

  static FlushLog read(Path workerLog) {
    int flushes = 0;
    long rows = 0;
    long total = 0;
    long max = 0;
    int locked = 0;
    long backoff = 0;
    try (Stream<String> lines = Files.lines(workerLog)) {
      for (String line : (Iterable<String>) lines::iterator) {
        Matcher m = WROTE.matcher(line);
        if (m.find()) {
          flushes++;
          rows += Long.parseLong(m.group(1));
          long millis = Long.parseLong(m.group(2));
          total += millis;
          max = Math.max(max, millis);
        } else if (line.contains("Target write of") && line.contains("locked")) {
          locked++;
          Matcher retry = RETRY.matcher(line);
          if (retry.find()) {
            backoff += Long.parseLong(retry.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + workerLog, e);
    }
    return new FlushLog(flushes, rows, total, max, locked, backoff);
  }

  @Override
  public String toString() {
    return flushes == 0 ? "no flush logged" : String.format(
        "%d flushes of %,d rows on average, %d ms average (max %d ms) from file open to close, %d attempts met a"
            + " reader's lock and backed off %d ms in all", flushes, rows / flushes, totalMillis / flushes, maxMillis,
        lockedAttempts, lockBackoffMillis);
  }
}
