package io.github.variantconnect.quickstart.sql;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's sql/ folder from wherever the tests run (the module or the root). */
public final class SqlDirectory {

  private SqlDirectory() {}

  public static Path duckdb() {
    return root().resolve("duckdb");
  }

  /** The incremental refresh of the DuckDB mirror. */
  static Path duckdbRefresh() {
    return duckdb().resolve("refresh");
  }

  public static Path snowflake() {
    return root().resolve("snowflake");
  }

  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path sql = dir.resolve("sql");
      if (Files.isDirectory(sql.resolve("duckdb")) && Files.isDirectory(sql.resolve("snowflake"))) {
        return sql;
      }
    }
    throw new IllegalStateException("no sql/duckdb and sql/snowflake above " + Path.of("").toAbsolutePath());
  }
}
