package io.github.variantconnect.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of the repository the tests read, found from wherever the tests run. */
public final class RepositoryPaths {

  private RepositoryPaths() {}

  /** {@code sql/duckdb}: the build passes it as {@code variantconnect.sql.dir}, else looked up. */
  public static Path duckDbSql() {
    return configured("variantconnect.sql.dir", "sql/duckdb");
  }

  /** {@code config/}: the build passes it as {@code variantconnect.config.dir}, else looked up. */
  public static Path config() {
    return configured("variantconnect.config.dir", "config");
  }

  private static Path configured(String property, String relative) {
    String value = System.getProperty(property);
    if (value != null && !value.isBlank()) {
      return Path.of(value);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(relative)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
  }
}
