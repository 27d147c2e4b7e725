package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.variantconnect.quickstart.mirror.MirrorRefresh;
import io.github.variantconnect.quickstart.sql.AtsFixture.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental refresh of the DuckDB mirror (sql/duckdb/refresh) against real DuckDB: whatever
 * the batches the raw rows arrive in and however many refreshes apart their duplicates and late
 * events land, the views come out exactly as the independent computation of DuckDbViewsTest says,
 * each refresh reads only the new raw rows, and a refresh that fails half-way changes nothing.
 */
class MirrorRefreshTest {

  private static final RowAssert ROWS = new RowAssert(1e-9);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AtsFixture ats;
  private static ClickstreamFixture clicks;

  @TempDir
  Path dir;

  @BeforeAll
  static void generate() {
    ats = AtsFixture.generate(11, 3, 300);
    clicks = ClickstreamFixture.generate(7, 6_000);
  }

  @Test
  void incrementalRefreshParsesOnlyTheRawRowsThatArrivedSinceTheLastOne() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      List<SinkRow> first = ats.rows.subList(0, 500);
      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", first);
      MirrorRefresh refresh = MirrorRefresh.load(SqlDirectory.duckdbRefresh(), 10_000);
      assertThat(refresh.run(connection).rowsRead()).containsEntry("ATS_RAW_JSON", 500L);
      long mirrored = Rows.count(connection, "SELECT count(*) FROM ATS_TRANSFORMED");

      // A raw row read before is never parsed again: rewriting it behind the refresher's back
      // must not show up, while the rows landed after it must.
      String mirroredId = first.get(0).eventId();
      execute(connection, "UPDATE ATS_RAW_JSON SET RECORD_CONTENT = json_object('event_id', 'rewritten')"
          + " WHERE RECORD_CONTENT->>'event_id' = '" + mirroredId + "'");
      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", ats.rows.subList(500, 700));
      MirrorRefresh.Progress progress = refresh.run(connection);

      assertThat(progress.rowsRead()).containsEntry("ATS_RAW_JSON", 200L).containsEntry("CLICKSTREAM_RAW", 0L);
      assertThat(progress.full()).isFalse();
      assertThat(Rows.count(connection, "SELECT count(*) FROM ATS_TRANSFORMED WHERE event_id = '" + mirroredId + "'"))
          .isEqualTo(1);
      assertThat(Rows.count(connection, "SELECT count(*) FROM ATS_TRANSFORMED WHERE event_id = 'rewritten'")).isZero();
      assertThat(Rows.count(connection, "SELECT count(*) FROM ATS_TRANSFORMED")).isGreaterThan(mirrored);
      assertThat(Rows.count(connection, "SELECT next_row FROM MIRROR_REFRESH_POSITION WHERE source_table = 'ATS_RAW_JSON'"))
          .isEqualTo(700);
      assertThat(refresh.run(connection).totalRows()).as("nothing new").isZero();
    }
  }

  @Test
  void aRefreshReadsAtMostOneBatchOfRawRowsPerTable() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", ats.rows.subList(0, 250));
      MirrorRefresh refresh = MirrorRefresh.load(SqlDirectory.duckdbRefresh(), 100);

      assertThat(List.of(refresh.run(connection), refresh.run(connection), refresh.run(connection)))
          .extracting(p -> p.rowsRead().get("ATS_RAW_JSON"), MirrorRefresh.Progress::full)
          .containsExactly(
              tuple(100L, true), tuple(100L, true), tuple(50L, false));
    }
  }

  /** The fixtures' late ticks and redeliveries, landed a little at a time with a refresh after each. */
  @Test
  void lateRowsAcrossRefreshesLandWhereTheyBelong() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      int refreshes = landInSlices(connection, "ATS_RAW_JSON", ats.rows, ats.rows.size() / 12 + 1)
          + landInSlices(connection, "CLICKSTREAM_RAW", clicks.rows, clicks.rows.size() / 12 + 1);

      assertThat(refreshes).isEqualTo(24);
      new AtsViewsCheck(connection, ROWS).verifyAll(ats);
      new ClickstreamViewsCheck(connection, ROWS).verifyAll(clicks);
    }
  }

  /** Everything landed at once, then refreshed in small batches: duplicates fall in different refreshes. */
  @Test
  void duplicatesAcrossRefreshesKeepTheFirstDeliveryAsInOneRefresh() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", ats.rows);
      DuckDbViewsTest.land(connection, "CLICKSTREAM_RAW", clicks.rows);

      int batch = Math.max(ats.rows.size(), clicks.rows.size()) / 15 + 1;
      assertThat(Mirror.refresh(connection, batch)).isEqualTo(15);
      new AtsViewsCheck(connection, ROWS).verifyAll(ats);
      new ClickstreamViewsCheck(connection, ROWS).verifyAll(clicks);
    }
  }

  /**
   * A redelivery that arrives in a later refresh but comes first by (offset, partition) — another
   * partition, a lower offset — replaces what was mirrored, content and latest status included;
   * one that comes later changes nothing.
   */
  @Test
  void duplicatesAcrossRefreshesFollowTheDedupRuleAcrossPartitions() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      Event newest = AtsViewsCheck.latest(ats.events).values().iterator().next();
      SinkRow original = ats.rows.stream()
          .filter(r -> r.eventId().equals(newest.eventId())).findFirst().orElseThrow();
      Set<String> olderEventsOfTrain = ats.events.stream()
          .filter(e -> e.trainId().equals(newest.trainId()) && !e.eventId().equals(newest.eventId()))
          .map(Event::eventId)
          .collect(Collectors.toSet());
      List<SinkRow> trainRows = ats.rows.stream().filter(r -> olderEventsOfTrain.contains(r.eventId())).toList();
      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", trainRows);
      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", List.of(redelivery(original, 1, 1_000, 111)));
      Mirror.refresh(connection);
      assertThat(latestPassengers(connection, newest.trainId())).isEqualTo(111);

      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", List.of(redelivery(original, 2, 5_000, 333)));
      Mirror.refresh(connection);
      assertThat(passengers(connection, newest.eventId())).as("a later delivery loses").isEqualTo(111);

      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", List.of(redelivery(original, 0, 10, 222)));
      Mirror.refresh(connection);
      assertThat(passengers(connection, newest.eventId())).as("an earlier delivery wins").isEqualTo(222);
      assertThat(latestPassengers(connection, newest.trainId())).isEqualTo(222);
      assertThat(Rows.count(connection, "SELECT count(*) FROM ATS_TRANSFORMED WHERE event_id = '"
          + newest.eventId() + "'")).isEqualTo(1);

      // The same rows through the plain views of all raw rows give the same answer.
      assertThat(Rows.count(connection, "SELECT (RECORD_CONTENT->>'passenger_count')::BIGINT FROM ATS_RAW_JSON"
          + " WHERE RECORD_CONTENT->>'event_id' = '" + newest.eventId() + "'"
          + " ORDER BY (RECORD_METADATA->>'offset')::BIGINT, (RECORD_METADATA->>'partition')::INT LIMIT 1"))
          .isEqualTo(222);
    }
  }

  /**
   * A refresh that fails at any statement — as a refresher killed half-way would — leaves every
   * mirror table and the refresh position exactly as before, and the next refresh completes.
   */
  @Test
  void aCrashMidRefreshLeavesTheMirrorAsItWas() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", ats.rows.subList(0, ats.rows.size() / 2));
      DuckDbViewsTest.land(connection, "CLICKSTREAM_RAW", clicks.rows.subList(0, clicks.rows.size() / 2));
      Mirror.refresh(connection);
      DuckDbViewsTest.land(connection, "ATS_RAW_JSON", ats.rows.subList(ats.rows.size() / 2, ats.rows.size()));
      DuckDbViewsTest.land(connection, "CLICKSTREAM_RAW", clicks.rows.subList(clicks.rows.size() / 2, clicks.rows.size()));
      MirrorRefresh refresh = MirrorRefresh.load(SqlDirectory.duckdbRefresh(), 100_000);
      Map<String, String> before = mirrorContents(connection);

      int statements = countStatements();
      assertThat(statements).isGreaterThan(30);
      for (int failAt : List.of(1, 5, statements / 2, statements - 3, statements)) {
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> refresh.run(connection, (script, statement) -> {
          if (seen.incrementAndGet() == failAt) {
            throw new SQLException("injected failure before " + script + " line " + statement.line());
          }
        })).hasMessageContaining("injected failure");
        assertThat(mirrorContents(connection)).as("after a failure at statement %d", failAt).isEqualTo(before);
      }

      refresh.run(connection);
      assertThat(mirrorContents(connection)).isNotEqualTo(before);
      new AtsViewsCheck(connection, ROWS).verifyAll(ats);
      new ClickstreamViewsCheck(connection, ROWS).verifyAll(clicks);
    }
  }

  private static int landInSlices(Connection connection, String table, List<SinkRow> rows, int slice)
      throws Exception {
    int refreshes = 0;
    for (int from = 0; from < rows.size(); from += slice) {
      DuckDbViewsTest.land(connection, table, rows.subList(from, Math.min(rows.size(), from + slice)));
      refreshes += Mirror.refresh(connection, 10_000);
    }
    return refreshes;
  }

  /** How many statements a refresh runs. */
  private static int countStatements() throws Exception {
    int count = 0;
    for (Path script : SqlScripts.scripts(SqlDirectory.duckdbRefresh())) {
      count += SqlScripts.split(Files.readString(script, StandardCharsets.UTF_8)).size();
    }
    return count;
  }

  /** Every mirror table's rows, sorted, as text: equal maps mean equal tables. */
  private static Map<String, String> mirrorContents(Connection connection) throws SQLException {
    Map<String, String> contents = new LinkedHashMap<>();
    List<String> tables = new ArrayList<>();
    for (Map<String, Object> row : Rows.query(connection, "SELECT table_name FROM information_schema.tables"
        + " WHERE table_name LIKE 'MIRROR\\_%' ESCAPE '\\' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      tables.add((String) row.get("table_name"));
    }
    assertThat(tables).contains("MIRROR_ATS_TRANSFORMED", "MIRROR_CLICKSTREAM_EVENTS", "MIRROR_REFRESH_POSITION");
    for (String table : tables) {
      contents.put(table, (String) Rows.query(connection, "SELECT count(*) || ':' || COALESCE(md5(string_agg("
          + "CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))), '') AS c FROM \"" + table + "\" t")
          .get(0).get("c"));
    }
    return contents;
  }

  private static SinkRow redelivery(SinkRow row, int partition, long offset, int passengers) throws Exception {
    ObjectNode content = (ObjectNode) JSON.readTree(row.content());
    content.put("passenger_count", passengers);
    return new SinkRow(row.topic(), partition, offset, row.createTimeMs(), row.key(), row.headers(),
        row.eventId(), content.toString());
  }

  private static long passengers(Connection connection, String eventId) throws SQLException {
    return Rows.count(connection, "SELECT passenger_count FROM ATS_TRANSFORMED WHERE event_id = '" + eventId + "'");
  }

  private static long latestPassengers(Connection connection, String trainId) throws SQLException {
    return Rows.count(connection, "SELECT passenger_count FROM ATS_LATEST_STATUS WHERE train_id = '" + trainId + "'");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("variant.duckdb"));
  }
}
