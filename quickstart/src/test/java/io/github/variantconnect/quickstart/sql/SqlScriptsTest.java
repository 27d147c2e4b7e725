package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.quickstart.sql.SqlScripts.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptsTest {

  @Test
  void splitsOnSemicolonsOutsideLiteralsIdentifiersAndComments() {
    String script = """
        -- leading comment; not a statement
        CREATE TABLE "a;b" (x VARCHAR);
        INSERT INTO "a;b" VALUES ('it''s; fine'); /* block; comment */
        SELECT 1 -- trailing; comment
        ;
        /* only
           a comment; */
        CREATE FUNCTION f() AS $$ SELECT 1; SELECT 2; $$;
        SELECT 'no final semicolon'
        """;

    List<Statement> statements = SqlScripts.split(script);

    assertThat(statements).extracting(Statement::sql).containsExactly(
        "CREATE TABLE \"a;b\" (x VARCHAR)",
        "INSERT INTO \"a;b\" VALUES ('it''s; fine')",
        "SELECT 1 -- trailing; comment",
        "CREATE FUNCTION f() AS $$ SELECT 1; SELECT 2; $$",
        "SELECT 'no final semicolon'");
    assertThat(statements).extracting(Statement::line).containsExactly(2, 3, 4, 8, 9);
  }

  @Test
  void emptyAndCommentOnlyScriptsHaveNoStatements() {
    assertThat(SqlScripts.split("")).isEmpty();
    assertThat(SqlScripts.split(" ;;\n -- nothing\n/* still nothing */ ;")).isEmpty();
  }

  @Test
  void keepsMultiLineLiteralsWholeAndCountsTheirLines() {
    List<Statement> statements = SqlScripts.split("SELECT 'a\n;\nb';\nSELECT 2;");

    assertThat(statements).extracting(Statement::sql).containsExactly("SELECT 'a\n;\nb'", "SELECT 2");
    assertThat(statements).extracting(Statement::line).containsExactly(1, 4);
  }

  @Test
  void appliesScriptsInFileNameOrder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("20_second.sql"), "INSERT INTO t VALUES (2);");
    Files.writeString(dir.resolve("10_first.sql"), "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
    Files.writeString(dir.resolve("README.md"), "not sql; ignored");

    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      assertThat(SqlScripts.apply(connection, dir)).isEqualTo(3);

      assertThat(connection.getAutoCommit()).isTrue();
      assertThat(ints(connection, "SELECT x FROM t ORDER BY x")).containsExactly(1, 2);
    }
  }

  @Test
  void aFailingStatementNamesItsFileAndLineAndRollsEverythingBack(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("10_ok.sql"), "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1);");
    Files.writeString(dir.resolve("20_broken.sql"), "-- header\n\nINSERT INTO t VALUES (2);\nSELEC oops;");

    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      assertThatThrownBy(() -> SqlScripts.apply(connection, dir))
          .isInstanceOf(SQLException.class)
          .hasMessageStartingWith("20_broken.sql line 4: ");

      assertThat(connection.getAutoCommit()).isTrue();
      assertThat(ints(connection,
          "SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")).containsExactly(0);
    }
  }

  @Test
  void refusesADirectoryWithoutScripts(@TempDir Path dir) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      assertThatThrownBy(() -> SqlScripts.apply(connection, dir)).hasMessageContaining("no .sql files");
    }
  }

  private static List<Integer> ints(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      List<Integer> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getInt(1));
      }
      return values;
    }
  }
}
