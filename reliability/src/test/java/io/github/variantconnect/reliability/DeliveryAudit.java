package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.duckdb.DuckDbReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * What "exactly once" means in the DuckDB file, checked against what the sources produced: as many
 * rows as events, as many distinct event ids as rows, and exactly the events produced.
 */
final class DeliveryAudit {

  private final DuckDbReader reader;

  DeliveryAudit(DuckDbReader reader) {
    this.reader = reader;
  }

  /**
   * ATS: every one of {@code trains} trains has rows for seq 0 .. ticks-1, each once — that is
   * {@code trains × ticks} rows and as many distinct event ids.
   */
  void assertAtsComplete(String table, int trains, long ticks) {
    DuckDbReader.RowCount count = reader.rowsAndDistinct(table, "event_id");
    assertThat(count.rows()).as("rows in %s", table).isEqualTo(trains * ticks);
    assertThat(count.distinct()).as("distinct event ids in %s", table).isEqualTo(trains * ticks);
    long completeTrains = reader.read(c -> {
      String sql = "SELECT count(*) FROM (SELECT RECORD_CONTENT->>'$.train_id' AS train, count(*) AS n,"
          + " count(DISTINCT (RECORD_CONTENT->>'$.seq')::BIGINT) AS d, min((RECORD_CONTENT->>'$.seq')::BIGINT) AS lo,"
          + " max((RECORD_CONTENT->>'$.seq')::BIGINT) AS hi FROM " + DuckDbReader.quoted(table) + " GROUP BY 1)"
          + " WHERE n = ? AND d = ? AND lo = 0 AND hi = ?";
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        statement.setLong(1, ticks);
        statement.setLong(2, ticks);
        statement.setLong(3, ticks - 1);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }, 0L);
    assertThat(completeTrains).as("trains in %s with seq 0..%s once each", table, ticks - 1).isEqualTo(trains);
  }

  /**
   * HTTP: the table holds exactly the events the demo APIs published, each once. The API numbers its
   * events {@code evt-<seed>-<seq>} with seq 0 .. maxEvents-1, so counting in SQL proves the id set
   * without loading millions of ids: per API, as many rows, distinct ids and distinct seqs as events,
   * seqs from 0 to maxEvents-1, every id in its canonical form — and no row of any other id.
   */
  void assertClickstreamComplete(String table, List<DemoClickstreamApi> apis) {
    long expectedRows = 0;
    for (DemoClickstreamApi api : apis) {
      long events = api.config().maxEvents();
      expectedRows += events;
      String prefix = "evt-" + api.config().seed() + "-";
      assertThat(api.events(0, 1).get(0).eventId()).as("the API's id scheme").isEqualTo(prefix + "0");
      long[] counts = reader.read(c -> {
        String sql = "WITH e AS (SELECT RECORD_CONTENT->>'$.event_id' AS id FROM " + DuckDbReader.quoted(table) + "),"
            + " s AS (SELECT id, TRY_CAST(substr(id, ?) AS BIGINT) AS seq FROM e WHERE starts_with(id, ?))"
            + " SELECT count(*), count(DISTINCT id), count(DISTINCT seq), coalesce(min(seq), -1), coalesce(max(seq), -1),"
            + " count(*) FILTER (WHERE seq IS NULL OR id <> ? || CAST(seq AS VARCHAR)) FROM s";
        try (PreparedStatement statement = c.prepareStatement(sql)) {
          statement.setInt(1, prefix.length() + 1);
          statement.setString(2, prefix);
          statement.setString(3, prefix);
          try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)};
          }
        }
      }, new long[6]);
      String what = "events of " + api.baseUrl() + " in " + table;
      assertThat(counts[0]).as("rows of %s", what).isEqualTo(events);
      assertThat(counts[1]).as("distinct ids of %s", what).isEqualTo(events);
      assertThat(counts[2]).as("distinct seqs of %s", what).isEqualTo(events);
      assertThat(counts[3]).as("lowest seq of %s", what).isZero();
      assertThat(counts[4]).as("highest seq of %s", what).isEqualTo(events - 1);
      assertThat(counts[5]).as("ids of %s not as the API writes them", what).isZero();
    }
    assertThat(reader.count(table)).as("rows in %s, of any id", table).isEqualTo(expectedRows);
  }
}
