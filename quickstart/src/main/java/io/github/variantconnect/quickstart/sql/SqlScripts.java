package io.github.variantconnect.quickstart.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Splits SQL scripts into statements and applies a directory of numbered scripts ({@code 10_ats.sql},
 * {@code 20_clickstream.sql}, ...) in file-name order, all in one transaction.
 *
 * <p>Statements end at a {@code ;} outside string literals ({@code '...'} with {@code ''} as the
 * escaped quote), quoted identifiers ({@code "..."}), {@code $$...$$} bodies, {@code --} line
 * comments and C-style block comments. Comments before a statement are dropped; a
 * script may end without a final {@code ;}. Backslash escapes inside literals are not recognised,
 * as in standard SQL and DuckDB.
 */
public final class SqlScripts {

  /** One statement of a script and the 1-based line it starts on, for error messages. */
  public record Statement(String sql, int line) {}

  private SqlScripts() {}

  /** The statements of {@code script}, in order, without empty or comment-only ones. */
  public static List<Statement> split(String script) {
    List<Statement> statements = new ArrayList<>();
    int n = script.length();
    int line = 1;
    int start = -1;
    int startLine = 0;
    int i = 0;
    while (i < n) {
      char c = script.charAt(i);
      char next = i + 1 < n ? script.charAt(i + 1) : '\0';
      if (c == '-' && next == '-') {
        i = indexOrEnd(script, "\n", i + 2);
        continue;
      }
      if (c == '/' && next == '*') {
        int end = indexOrEnd(script, "*/", i + 2);
        line += countNewlines(script, i, end);
        i = Math.min(n, end + 2);
        continue;
      }
      if (c == '\n') {
        line++;
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == ';') {
        if (start >= 0) {
          statements.add(new Statement(script.substring(start, i).strip(), startLine));
          start = -1;
        }
        i++;
        continue;
      }
      if (start < 0) {
        start = i;
        startLine = line;
      }
      int end;
      if (c == '\'' || c == '"') {
        end = quotedEnd(script, i, c);
      } else if (c == '$' && next == '$') {
        end = Math.min(n, indexOrEnd(script, "$$", i + 2) + 2);
      } else {
        end = i + 1;
      }
      line += countNewlines(script, i, end);
      i = end;
    }
    if (start >= 0) {
      statements.add(new Statement(script.substring(start).strip(), startLine));
    }
    return statements;
  }

  /** The {@code .sql} files directly in {@code directory}, by file name. */
  public static List<Path> scripts(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".sql"))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
  }

  /**
   * Runs every script of {@code directory} in order in one transaction: either all of them take
   * effect or, on the first failing statement, none. The connection's auto-commit mode is restored.
   *
   * @return the number of statements run
   * @throws SQLException naming the file and line of the failing statement
   */
  public static int apply(Connection connection, Path directory) throws IOException, SQLException {
    List<Path> files = scripts(directory);
    if (files.isEmpty()) {
      throw new IOException("no .sql files in " + directory);
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      int count = 0;
      for (Path file : files) {
        count += execute(connection, file.getFileName().toString(),
            Files.readString(file, StandardCharsets.UTF_8));
      }
      connection.commit();
      return count;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Runs the statements of one script on {@code connection}, in its current transaction mode.
   *
   * @param source names the script in error messages, e.g. its file name
   * @return the number of statements run
   */
  public static int execute(Connection connection, String source, String script) throws SQLException {
    List<Statement> statements = split(script);
    try (java.sql.Statement jdbc = connection.createStatement()) {
      for (Statement statement : statements) {
        try {
          jdbc.execute(statement.sql());
        } catch (SQLException e) {
          throw new SQLException(source + " line " + statement.line() + ": " + e.getMessage(),
              e.getSQLState(), e.getErrorCode(), e);
        }
      }
    }
    return statements.size();
  }

  /** The index just past the closing quote of the literal or identifier opened at {@code open}. */
  private static int quotedEnd(String script, int open, char quote) {
    int i = open + 1;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return script.length();
  }

  private static int indexOrEnd(String script, String token, int from) {
    int at = script.indexOf(token, from);
    return at < 0 ? script.length() : at;
  }

  private static int countNewlines(String script, int from, int to) {
    int count = 0;
    for (int i = from; i < Math.min(to, script.length()); i++) {
      if (script.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }
}
