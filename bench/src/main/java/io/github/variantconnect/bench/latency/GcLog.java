package io.github.variantconnect.bench.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a {@code -Xlog:gc} file: each collection logs {@code before->after(committed)}.
 * The largest "after" bounds the live set under load; the largest "before" is the most the heap
 * held, garbage included.
 */
record GcLog(int collections, long maxAfterMb, long maxBeforeMb, long maxCommittedMb) {

  private static final Pattern SIZES = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  static GcLog read(Path file) {
    int collections = 0;
    long maxAfter = 0;
    long maxBefore = 0;
    long maxCommitted = 0;
    try {
      for (String line : Files.readAllLines(file)) {
        Matcher m = SIZES.matcher(line);
        if (m.find()) {
          collections++;
          maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
          maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
          maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(3)));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the GC log " + file, e);
    }
    return new GcLog(collections, maxAfter, maxBefore, maxCommitted);
  }
}
