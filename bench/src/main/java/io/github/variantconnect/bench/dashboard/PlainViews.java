package io.github.variantconnect.bench.dashboard;

import io.github.variantconnect.quickstart.sql.SqlScripts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline: sql/duckdb as it was before the mirror, plain views recomputed from all raw JSON
 * on every read (kept in this module's resources). They go into schema {@code plain}, over the
 * same raw tables in {@code main}, so both are read from one file in the same process.
 */
final class PlainViews {

  static final String SCHEMA = "plain";
  private static final String[] SCRIPTS = {"10_ats.sql", "20_clickstream.sql"};

  private PlainViews() {}

  static void create(Connection connection) throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      for (String script : SCRIPTS) {
        for (SqlScripts.Statement sql : SqlScripts.split(read(script))) {
          if (sql.sql().startsWith("CREATE TABLE")) {
            continue;
          }
          statement.execute(sql.sql()
              .replace("CREATE OR REPLACE VIEW ", "CREATE OR REPLACE VIEW " + SCHEMA + ".")
              .replace("\"ATS_RAW_JSON\"", "main.\"ATS_RAW_JSON\"")
              .replace("\"CLICKSTREAM_RAW\"", "main.\"CLICKSTREAM_RAW\"")
              .replaceAll("(FROM|JOIN) (ATS_|CLICKSTREAM_EVENTS|REAL_TIME)", "$1 " + SCHEMA + ".$2"));
        }
      }
    }
  }

  private static String read(String script) throws IOException {
    try (InputStream in = PlainViews.class.getResourceAsStream("/dashboard/plain-views/" + script)) {
      if (in == null) {
        throw new IOException("missing resource dashboard/plain-views/" + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
