package io.github.variantconnect.quickstart.sql;

import io.github.variantconnect.quickstart.mirror.MirrorRefresh;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Brings the DuckDB mirror up to date the way the refresher does, on a test's own connection. */
final class Mirror {

  private Mirror() {}

  /** Refreshes in batches of {@code batchRows} until every raw row is mirrored; returns the refreshes run. */
  static int refresh(Connection connection, int batchRows) throws SQLException, IOException {
    return refresh(connection, SqlDirectory.duckdbRefresh(), batchRows);
  }

  /** As {@link #refresh(Connection, int)} with the refresh scripts of {@code directory}. */
  static int refresh(Connection connection, Path directory, int batchRows) throws SQLException, IOException {
    MirrorRefresh refresh = MirrorRefresh.load(directory, batchRows);
    int refreshes = 0;
    MirrorRefresh.Progress progress;
    do {
      progress = refresh.run(connection);
      refreshes++;
    } while (progress.full());
    return refreshes;
  }

  /** One refresh over everything that landed. */
  static void refresh(Connection connection) throws SQLException, IOException {
    refresh(connection, Integer.MAX_VALUE);
  }
}
