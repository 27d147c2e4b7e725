package io.github.variantconnect.quickstart.mirror;

import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the DuckDB mirror of the dynamic tables ({@code ATS_TRANSFORMED}, {@code CLICKSTREAM_EVENTS}
 * and the state behind the views) at most a target lag behind the raw tables, as Snowflake's
 * {@code TARGET_LAG} does: every lag it refreshes from the raw rows that arrived since the last
 * refresh. Any process that may write the file can run it — the quickstart does, and {@link #main}
 * runs it beside any other DuckDB user:
 *
 * <pre>java -cp quickstart.jar io.github.variantconnect.quickstart.mirror.DuckDbRefresher variant.duckdb</pre>
 *
 * <p>The sink cannot flush while a refresh holds the file. Each refresh is therefore one short
 * transaction over at most {@code batchRows} new raw rows per table, on a connection opened for it
 * alone; while catching up on a long backlog, it pauses between refreshes at least as long as the
 * last one held the file, so the sink always gets its turn.
 */
public final class DuckDbRefresher implements AutoCloseable {

  static final int DEFAULT_BATCH_ROWS = 100_000;
  private static final Duration LOCK_PATIENCE = Duration.ofSeconds(5);
  private static final long MIN_CATCH_UP_PAUSE_MS = 50;

  private final DuckDbFile file;
  private final MirrorRefresh refresh;
  private final Duration targetLag;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "duckdb-mirror-refresh");
        thread.setDaemon(true);
        return thread;
      });
  private volatile String lastError;
  private volatile long refreshes;
  private long transactions;
  private long transactionMillis;
  private long longestTransactionMillis;

  /**
   * The refresh transactions so far and how long they took, each from asking for the file to
   * closing it: about as long as a sink flush that met one had to wait.
   */
  public record Transactions(long count, long totalMillis, long longestMillis) {}

  public DuckDbRefresher(DuckDbFile file, MirrorRefresh refresh, Duration targetLag) {
    if (targetLag.isNegative() || targetLag.isZero()) {
      throw new IllegalArgumentException("target lag must be above 0, got " + targetLag);
    }
    this.file = file;
    this.refresh = refresh;
    this.targetLag = targetLag;
  }

  /** Starts refreshing in the background, the first time at once. */
  public DuckDbRefresher start() {
    scheduler.scheduleWithFixedDelay(this::refreshInBackground, 0, targetLag.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  public Duration targetLag() {
    return targetLag;
  }

  /** Why the latest background refresh failed, or null when it succeeded. */
  public String lastError() {
    return lastError;
  }

  /** Background refreshes that succeeded so far. */
  public long refreshes() {
    return refreshes;
  }

  /**
   * Refreshes until every raw row that had arrived is mirrored, one short transaction per batch.
   *
   * @return the raw rows read
   */
  public long refreshUntilCaughtUp() throws SQLException, InterruptedException {
    long rows = 0;
    while (true) {
      long started = System.nanoTime();
      MirrorRefresh.Progress progress = file.write(LOCK_PATIENCE, refresh::run);
      long heldMs = (System.nanoTime() - started) / 1_000_000;
      counted(heldMs);
      rows += progress.totalRows();
      if (!progress.full()) {
        return rows;
      }
      Thread.sleep(Math.max(MIN_CATCH_UP_PAUSE_MS, heldMs));
    }
  }

  /** The refresh transactions so far. */
  public synchronized Transactions transactions() {
    return new Transactions(transactions, transactionMillis, longestTransactionMillis);
  }

  private synchronized void counted(long millis) {
    transactions++;
    transactionMillis += millis;
    longestTransactionMillis = Math.max(longestTransactionMillis, millis);
  }

  private void refreshInBackground() {
    try {
      refreshUntilCaughtUp();
      refreshes++;
      lastError = null;
    } catch (SQLException e) {
      // The next round, one lag later, tries again: a busy file or a missing table heals by itself.
      lastError = DuckDbFile.isLockConflict(e) ? "the DuckDB file stayed locked; retrying" : e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code DuckDbRefresher FILE [--sql-dir=sql/duckdb/refresh] [--target-lag=1m] [--batch-rows=N] [--once]}:
   * refreshes the mirror in FILE every target lag until stopped, or once with {@code --once}.
   */
  public static void main(String[] args) throws Exception {
    RefresherArgs parsed;
    try {
      parsed = RefresherArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(RefresherArgs.USAGE);
      System.exit(2);
      return;
    }
    DuckDbRefresher refresher = parsed.refresher();
    if (parsed.once()) {
      long rows = refresher.refreshUntilCaughtUp();
      System.out.println("mirrored " + rows + " new raw rows of " + parsed.file());
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(refresher::close, "duckdb-mirror-stop"));
    refresher.start();
    System.out.println("refreshing " + parsed.file() + " every " + parsed.targetLag() + " (Ctrl-C stops)");
    String reported = null;
    while (true) {
      Thread.sleep(parsed.targetLag().toMillis());
      String error = refresher.lastError();
      if (error != null && !error.equals(reported)) {
        System.err.println("refresh failed: " + error);
      }
      reported = error;
    }
  }

  /** The command line of {@link #main}. */
  record RefresherArgs(Path file, Path sqlDir, Duration targetLag, int batchRows, boolean once) {

    static final String USAGE = String.join("\n",
        "usage: DuckDbRefresher FILE [--sql-dir=DIR] [--target-lag=DURATION] [--batch-rows=N] [--once]",
        "  --sql-dir     the refresh scripts (default sql/duckdb/refresh)",
        "  --target-lag  how far the mirror may fall behind, e.g. 5s, 1m, PT1M (default 1m)",
        "  --batch-rows  new raw rows per table and transaction (default " + DEFAULT_BATCH_ROWS + ")",
        "  --once        refresh until caught up, then exit",
        "");

    static RefresherArgs parse(String[] args) {
      Path file = null;
      Path sqlDir = Path.of("sql/duckdb/refresh");
      Duration lag = Duration.ofMinutes(1);
      int batchRows = DEFAULT_BATCH_ROWS;
      boolean once = false;
      for (String arg : args) {
        if (arg.equals("--once")) {
          once = true;
        } else if (arg.startsWith("--sql-dir=")) {
          sqlDir = Path.of(value(arg));
        } else if (arg.startsWith("--target-lag=")) {
          lag = TargetLag.parse("--target-lag", value(arg));
        } else if (arg.startsWith("--batch-rows=")) {
          batchRows = positiveInt("--batch-rows", value(arg));
        } else if (!arg.startsWith("--") && file == null) {
          file = Path.of(arg);
        } else {
          throw new IllegalArgumentException("unknown argument '" + arg + "'");
        }
      }
      if (file == null) {
        throw new IllegalArgumentException("the DuckDB file is required");
      }
      return new RefresherArgs(file, sqlDir, lag, batchRows, once);
    }

    DuckDbRefresher refresher() throws IOException {
      return new DuckDbRefresher(new DuckDbFile(file), MirrorRefresh.load(sqlDir, batchRows), targetLag);
    }

    private static String value(String arg) {
      return arg.substring(arg.indexOf('=') + 1).trim();
    }

    private static int positiveInt(String key, String value) {
      try {
        int n = Integer.parseInt(value);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(key + " must be a whole number above 0, got '" + value + "'");
    }
  }
}
