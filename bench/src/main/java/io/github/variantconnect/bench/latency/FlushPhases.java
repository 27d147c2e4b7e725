package io.github.variantconnect.bench.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the sink's writes spent their time, from the DuckDB target's debug lines ("Held F N ms for
 * writing to it: waited … opened in … worked … of which the commit … closed in …"): opening replays
 * the write-ahead log, a commit past the threshold checkpoints it.
 */
record FlushPhases(Percentiles held, Percentiles open, Percentiles work, Percentiles commit, Percentiles close,
    List<String> slowest) {

  /** The logger whose debug lines this reads; the worker is started with it at debug level. */
  static final String LOGGER = "io.github.variantconnect.sink.target.duckdb.DuckDbTarget";

  private static final Pattern HELD = Pattern.compile("^(\\S+).* Held \\S+ (\\d+) ms for writing to it: waited (\\d+) ms"
      + " for this worker's other writers, opened in (\\d+) ms, worked (\\d+) ms of which the commit (\\d+) ms,"
      + " closed in (\\d+) ms");
  private static final int SLOWEST = 5;

  static FlushPhases read(Path workerLog) {
    LatencySamples held = new LatencySamples();
    LatencySamples open = new LatencySamples();
    LatencySamples work = new LatencySamples();
    LatencySamples commit = new LatencySamples();
    LatencySamples close = new LatencySamples();
    List<long[]> all = new ArrayList<>();
    List<String> times = new ArrayList<>();
    try (Stream<String> lines = Files.lines(workerLog)) {
      for (String line : (Iterable<String>) lines::iterator) {
        Matcher m = HELD.matcher(line);
        if (m.find()) {
          long[] phases = new long[6];
          for (int i = 0; i < 6; i++) {
            phases[i] = Long.parseLong(m.group(i + 2));
          }
          held.add(phases[0]);
          open.add(phases[2]);
          work.add(phases[3]);
          commit.add(phases[4]);
          close.add(phases[5]);
          all.add(phases);
          times.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + workerLog, e);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> all.get(i)[0]).reversed());
    List<String> slowest = order.stream().limit(SLOWEST).map(i -> {
      long[] p = all.get(i);
      return String.format("%s held %d ms (open %d, work %d incl. commit %d, close %d)", times.get(i), p[0], p[2], p[3],
          p[4], p[5]);
    }).toList();
    return new FlushPhases(held.percentiles(), open.percentiles(), work.percentiles(), commit.percentiles(),
        close.percentiles(), slowest);
  }

  /** The figures for a result's note. */
  String summary() {
    if (held.count() == 0) {
      return "no file holding logged";
    }
    return String.format("the sink held the file p50 %d / p99 %d / max %d ms per write (opening p99 %d ms, commit p99"
        + " %d ms)", held.at(50), held.at(99), held.max(), open.at(99), commit.at(99));
  }

  @Override
  public String toString() {
    if (held.count() == 0) {
      return "no file holding logged";
    }
    return String.format("file held p50 %d / p99 %d / max %d ms; open p50 %d / p99 %d / max %d ms; work (append,"
            + " offsets, commit) p50 %d / p99 %d / max %d ms, of which the commit p50 %d / p99 %d / max %d ms; close"
            + " p99 %d / max %d ms; slowest: %s",
        held.at(50), held.at(99), held.max(), open.at(50), open.at(99), open.max(), work.at(50), work.at(99), work.max(),
        commit.at(50), commit.at(99), commit.max(), close.at(99), close.max(), String.join("; ", slowest));
  }
}
