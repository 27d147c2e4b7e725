package io.github.variantconnect.quickstart.dashboard;

import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The panels from the DuckDB file the sink writes: one short read-only connection per round, so the
 * sink's next flush is never kept waiting for long.
 */
public final class DuckDbPanelSource implements PanelSource {

  private static final Duration LOCK_PATIENCE = Duration.ofSeconds(2);

  private final DuckDbFile file;

  public DuckDbPanelSource(DuckDbFile file) {
    this.file = file;
  }

  @Override
  public <T> T read(Work<T> work) throws SQLException, InterruptedException {
    return file.read(LOCK_PATIENCE, work::run);
  }

  @Override
  public String explain(SQLException e) {
    return DuckDbFile.isLockConflict(e)
        ? "the sink is writing the DuckDB file; showing the previous answers"
        : e.getMessage();
  }

  @Override
  public String description() {
    return "DuckDB file " + file.path();
  }
}
