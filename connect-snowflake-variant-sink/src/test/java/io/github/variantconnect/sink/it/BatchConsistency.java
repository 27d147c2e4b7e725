package io.github.variantconnect.sink.it;

import io.github.variantconnect.testkit.duckdb.DuckDbReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader sees must be whole batches: for every partition, the rows present end exactly at
 * the offset stored for it in the same file, with no offset twice. A half-written batch would show
 * rows past the stored offset, or a stored offset without its rows.
 */
final class BatchConsistency {

  private BatchConsistency() {}

  /** Problems found; empty when rows and stored offsets agree. Returns the row count as the first element. */
  static List<String> check(Connection c, String table, String connector) throws SQLException {
    List<String> problems = new ArrayList<>();
    if (!DuckDbReader.tableExists(c, table) || !DuckDbReader.tableExists(c, "VARIANT_CONNECT_OFFSETS")) {
      return problems;
    }
    String sql = "WITH r AS (SELECT RECORD_METADATA->>'$.topic' AS t, (RECORD_METADATA->>'$.partition')::INTEGER AS p,"
        + " max((RECORD_METADATA->>'$.offset')::BIGINT) AS last, count(*) AS n,"
        + " count(DISTINCT RECORD_METADATA->>'$.offset') AS d FROM \"" + table + "\" GROUP BY ALL),"
        + " o AS (SELECT \"TOPIC\" AS t, \"PARTITION\" AS p, \"KAFKA_OFFSET\" AS stored"
        + " FROM VARIANT_CONNECT_OFFSETS WHERE \"CONNECTOR\" = ?)"
        + " SELECT coalesce(r.t, o.t), coalesce(r.p, o.p), r.last, r.n, r.d, o.stored"
        + " FROM r FULL OUTER JOIN o ON r.t = o.t AND r.p = o.p";
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, connector);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String partition = rs.getString(1) + "/" + rs.getInt(2);
          long last = rs.getLong(3);
          boolean hasRows = !rs.wasNull();
          long rows = rs.getLong(4);
          long distinct = rs.getLong(5);
          long stored = rs.getLong(6);
          boolean hasStored = !rs.wasNull();
          if (hasRows && !hasStored) {
            problems.add(partition + ": rows without a stored offset");
          } else if (hasRows && last != stored) {
            problems.add(partition + ": rows end at " + last + " but the stored offset is " + stored);
          }
          if (rows != distinct) {
            problems.add(partition + ": " + (rows - distinct) + " duplicate offsets");
          }
        }
      }
    }
    return problems;
  }
}
