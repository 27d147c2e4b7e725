package io.github.variantconnect.quickstart.mirror;

import io.github.variantconnect.quickstart.sql.SqlScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One refresh of the DuckDB mirror: every script of {@code sql/duckdb/refresh/} in one transaction,
 * so the rows derived from the new raw rows and the position that says they were read commit
 * together or not at all. Each refresh reads at most {@code batchRows} new raw rows per raw table,
 * which bounds how long it holds the file.
 */
public final class MirrorRefresh {

  /** The write-ahead log size past which a refresh's commit checkpoints, as the sink's default. */
  static final String CHECKPOINT_THRESHOLD = "1MiB";

  /** Where the refresh stands for each raw table: the rowid of the first raw row not yet read. */
  static final String POSITIONS = "SELECT source_table, next_row FROM MIRROR_REFRESH_POSITION ORDER BY source_table";

  /** Called before each statement of the refresh; lets a test fail one half-way. */
  @FunctionalInterface
  public interface StatementHook {
    void before(String script, SqlScripts.Statement statement) throws SQLException;
  }

  private record Script(String name, List<SqlScripts.Statement> statements) {}

  private final List<Script> scripts;
  private final int batchRows;

  private MirrorRefresh(List<Script> scripts, int batchRows) {
    if (batchRows <= 0) {
      throw new IllegalArgumentException("mirror batch rows must be above 0, got " + batchRows);
    }
    this.scripts = scripts;
    this.batchRows = batchRows;
  }

  /** The refresh scripts of {@code directory} ({@code sql/duckdb/refresh}), in file-name order. */
  public static MirrorRefresh load(Path directory, int batchRows) throws IOException {
    List<Path> files = SqlScripts.scripts(directory);
    if (files.isEmpty()) {
      throw new IOException("no .sql files in " + directory);
    }
    List<Script> scripts = new ArrayList<>();
    for (Path file : files) {
      scripts.add(new Script(file.getFileName().toString(),
          SqlScripts.split(Files.readString(file, StandardCharsets.UTF_8))));
    }
    return new MirrorRefresh(scripts, batchRows);
  }

  public int batchRows() {
    return batchRows;
  }

  /** Runs one refresh; see {@link #run(Connection, StatementHook)}. */
  public Progress run(Connection connection) throws SQLException {
    return run(connection, (script, statement) -> { });
  }

  /**
   * Runs one refresh in one transaction on {@code connection}, rolled back on any failure (the
   * connection's auto-commit mode is restored either way).
   *
   * @return how many raw rows of each raw table it read
   * @throws SQLException naming the script and line of the failing statement
   */
  public Progress run(Connection connection, StatementHook hook) throws SQLException {
    try (Statement settings = connection.createStatement()) {
      // As the sink does: closing the last connection would otherwise checkpoint the whole file,
      // which costs a small refresh many times its own work. The log is checkpointed by the
      // commit that takes it past checkpoint_threshold, and every reader sees its rows.
      settings.execute("PRAGMA disable_checkpoint_on_shutdown");
      // The sink's threshold, not DuckDB's 16 MiB: every connection opened on the file replays the
      // whole log first, and the dashboard opens one each round. A refresh leaves a few MiB in it,
      // which cost each dashboard round more than its queries; checkpointing them costs the
      // refresh little, since it rewrites only what changed.
      settings.execute("SET checkpoint_threshold = '" + CHECKPOINT_THRESHOLD + "'");
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement jdbc = connection.createStatement()) {
      Map<String, Long> before = positions(jdbc);
      jdbc.execute("SET VARIABLE mirror_batch_rows = " + batchRows);
      for (Script script : scripts) {
        for (SqlScripts.Statement statement : script.statements()) {
          hook.before(script.name(), statement);
          try {
            jdbc.execute(statement.sql());
          } catch (SQLException e) {
            throw new SQLException(script.name() + " line " + statement.line() + ": " + e.getMessage(),
                e.getSQLState(), e.getErrorCode(), e);
          }
        }
      }
      Map<String, Long> after = positions(jdbc);
      connection.commit();
      return Progress.between(before, after, batchRows);
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  static Map<String, Long> positions(Statement jdbc) throws SQLException {
    Map<String, Long> positions = new LinkedHashMap<>();
    try (ResultSet rs = jdbc.executeQuery(POSITIONS)) {
      while (rs.next()) {
        positions.put(rs.getString(1), rs.getLong(2));
      }
    }
    return positions;
  }

  /**
   * The raw rows one refresh read per raw table. A table that gave a full batch may have more
   * waiting, so the refresher goes on at once rather than after its target lag.
   */
  public record Progress(Map<String, Long> rowsRead, boolean full) {

    static Progress between(Map<String, Long> before, Map<String, Long> after, int batchRows) {
      Map<String, Long> read = new LinkedHashMap<>();
      boolean full = false;
      for (Map.Entry<String, Long> position : after.entrySet()) {
        long rows = position.getValue() - before.getOrDefault(position.getKey(), 0L);
        read.put(position.getKey(), rows);
        full |= rows >= batchRows;
      }
      return new Progress(Map.copyOf(read), full);
    }

    public long totalRows() {
      return rowsRead.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
