package io.github.variantconnect.bench.latency;

import io.github.variantconnect.quickstart.QuickstartStack;
import io.github.variantconnect.quickstart.dashboard.DashboardRefresher;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.mirror.DuckDbRefresher;
import io.github.variantconnect.quickstart.mirror.MirrorRefresh;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * What the quickstart runs beside the worker against the DuckDB file, in another process than the
 * sink: the refresher of the mirror behind the views, on the quickstart's target lag, and the
 * dashboard's panel reads on its interval. The sink then meets their locks as a user's sink does.
 */
final class QuickstartReaders implements AutoCloseable {

  private final DuckDbRefresher mirror;
  private final DashboardRefresher dashboard;

  private QuickstartReaders(DuckDbRefresher mirror, DashboardRefresher dashboard) {
    this.mirror = mirror;
    this.dashboard = dashboard;
  }

  static QuickstartReaders start(DuckDbFile file, Path refreshSql, Duration targetLag)
      throws IOException {
    DuckDbRefresher mirror = new DuckDbRefresher(file,
        MirrorRefresh.load(refreshSql, QuickstartStack.MIRROR_BATCH_ROWS), targetLag);
    DashboardRefresher dashboard = new DashboardRefresher(file, QuickstartStack.DASHBOARD_REFRESH, Clock.systemUTC());
    mirror.start();
    dashboard.start();
    return new QuickstartReaders(mirror, dashboard);
  }

  DuckDbRefresher mirror() {
    return mirror;
  }

  /** e.g. "mirror: 25 refreshes, 31 transactions of 210 ms on average (longest 900 ms)". */
  String describe() {
    DuckDbRefresher.Transactions t = mirror.transactions();
    return String.format("mirror refresh every %d ms: %d transactions of %d ms on average (longest %d ms) from asking"
            + " for the file to closing it%s; dashboard rounds every %d s or 4× the last round",
        mirror.targetLag().toMillis(), t.count(), t.count() == 0 ? 0 : t.totalMillis() / t.count(), t.longestMillis(),
        mirror.lastError() == null ? "" : " (last error: " + mirror.lastError() + ")",
        dashboard.interval().toSeconds());
  }

  @Override
  public void close() {
    dashboard.close();
    mirror.close();
  }
}
