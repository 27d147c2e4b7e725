package io.github.variantconnect.bench.dashboard;

import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.mirror.DuckDbRefresher;
import io.github.variantconnect.quickstart.mirror.MirrorRefresh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long a sink in another process waits for the file while the dashboard runs: with the plain
 * views (each round recomputes from the raw JSON) or with the mirror (the real refresher on a
 * 3 s target lag, plus the dashboard's rounds). The dashboard side paces its rounds as the
 * quickstart's dashboard does: every 3 s, or 4 times as long as the last round took.
 */
final class LockWaits {

  /** Waits of the writer's flushes, in ms. */
  record Waits(long flushes, double p50, double p99, double max) {

    static Waits parse(String line) {
      String[] f = line.trim().split(" ");
      if (f.length != 5 || !f[0].equals("waits")) {
        throw new IllegalStateException("unexpected writer output: " + line);
      }
      return new Waits(Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
          Double.parseDouble(f[4]));
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%d flushes, wait p50 %.0f / p99 %.0f / max %.0f ms", flushes, p50, p99, max);
    }
  }

  private static final Duration DASHBOARD_INTERVAL = Duration.ofSeconds(3);
  private static final int PAUSE_FACTOR = 4;

  private LockWaits() {}

  static Waits during(Path file, String schema, Path refreshDir, int seconds) throws Exception {
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), SinkLikeWriter.class.getName(),
        file.toString(), Integer.toString(seconds))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    DuckDbFile duck = new DuckDbFile(file);
    DuckDbRefresher refresher = schema.equals("main")
        ? new DuckDbRefresher(duck, MirrorRefresh.load(refreshDir, 50_000), DASHBOARD_INTERVAL).start()
        : null;
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < until) {
        double took = PanelReads.roundMillis(duck, schema);
        long pauseMs = Math.max(DASHBOARD_INTERVAL.toMillis(), (long) (PAUSE_FACTOR * took));
        Thread.sleep(Math.max(0, Math.min(pauseMs, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
      }
    } finally {
      if (refresher != null) {
        refresher.close();
      }
    }
    if (!writer.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
      writer.destroyForcibly();
      throw new IllegalStateException("the sink-like writer did not finish");
    }
    return Waits.parse(output(writer));
  }

  private static String output(Process writer) throws IOException {
    return new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
