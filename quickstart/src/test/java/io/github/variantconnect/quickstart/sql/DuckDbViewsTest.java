package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.quickstart.sql.AtsFixture.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sql/duckdb against real DuckDB: both feeds' events, landed in the sink's raw-table shape with
 * duplicates and late arrivals, must come out of every view exactly as an independent computation
 * in Java says, and applying the scripts again must change nothing.
 */
class DuckDbViewsTest {

  private static final RowAssert ROWS = new RowAssert(1e-9);

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
  void trainFixtureHasWhatTheViewsMustHandle() {
    assertThat(ats.events).extracting(Event::status)
        .contains("RUNNING", "DWELLING", "DELAYED", "OUT_OF_SERVICE");
    assertThat(ats.events).flatExtracting(Event::alerts).contains("OVERCROWDING", "HIGH_POWER");
    assertThat(ats.events.stream().map(e -> e.eventTime().truncatedTo(ChronoUnit.HOURS)).distinct())
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(ats.rows.size()).as("deliveries, duplicates included").isGreaterThan(ats.events.size());

    Map<String, Event> latest = AtsViewsCheck.latest(ats.events);
    assertThat(latest.values()).extracting(Event::status).contains("OUT_OF_SERVICE");
    Map<String, Event> byId =
        ats.events.stream().collect(Collectors.toMap(Event::eventId, Function.identity()));
    Map<String, String> lastArrived = AtsViewsCheck.lastArrivedEventIds(ats.rows, byId);
    assertThat(latest.keySet())
        .as("trains whose last delivery is not their newest event")
        .filteredOn(train -> !latest.get(train).eventId().equals(lastArrived.get(train)))
        .isNotEmpty();
  }

  @Test
  void clickstreamFixtureHasWhatTheViewsMustHandle() {
    assertThat(clicks.rows.size()).as("deliveries, duplicates included").isGreaterThan(clicks.events.size());
    assertThat(ClickstreamViewsCheck.purchases(clicks.events)).hasSizeGreaterThan(30);
    assertThat(clicks.events).extracting(ClickstreamViewsCheck::day)
        .contains(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4));

    Map<String, SinkRow> first = AtsViewsCheck.firstDeliveries(clicks.rows);
    assertThat(clicks.rows)
        .as("later deliveries whose content differs from the first one")
        .filteredOn(row -> row.offset() != first.get(row.eventId()).offset()
            && !row.content().equals(first.get(row.eventId()).content()))
        .isNotEmpty();
    assertThat(ClickstreamViewsCheck.expectedFunnel(clicks.events, e -> first.get(e.eventId()).offset()))
        .as("the funnel in order of arrival")
        .isNotEqualTo(ClickstreamViewsCheck.expectedFunnel(clicks.events, e -> e.eventTime().toEpochMilli()));
  }

  @Test
  void everyTrainViewMatchesAnIndependentComputation() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      land(connection, "ATS_RAW_JSON", ats.rows);
      land(connection, "ATS_RAW_JSON", rowsWithoutEvents(AtsFixture.TOPIC));
      Mirror.refresh(connection);
      // Applying again after rows landed must keep them and, after a refresh, leave the views right.
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      Mirror.refresh(connection);

      assertThat(Rows.count(connection, "SELECT count(*) FROM ATS_RAW_JSON")).isEqualTo(ats.rows.size() + 3);
      new AtsViewsCheck(connection, ROWS).verifyAll(ats);
    }
  }

  @Test
  void everyClickstreamViewMatchesAnIndependentComputation() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      land(connection, "CLICKSTREAM_RAW", clicks.rows);
      land(connection, "CLICKSTREAM_RAW", rowsWithoutEvents(ClickstreamFixture.TOPIC));
      Mirror.refresh(connection);
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      Mirror.refresh(connection);

      assertThat(Rows.count(connection, "SELECT count(*) FROM CLICKSTREAM_RAW")).isEqualTo(clicks.rows.size() + 3);
      new ClickstreamViewsCheck(connection, ROWS).verifyAll(clicks);
    }
  }

  /** The checks must fail for plausible mistakes in the SQL, or passing them would prove nothing. */
  @Test
  void theChecksCatchAViewThatKeepsTheLastDelivery() throws Exception {
    try (Connection connection = open()) {
      Path refresh = applyMutant(connection, "refresh/20_clickstream.sql",
          "ORDER BY kafka_offset, kafka_partition", "ORDER BY kafka_offset DESC, kafka_partition");
      land(connection, "CLICKSTREAM_RAW", clicks.rows);
      Mirror.refresh(connection, refresh, Integer.MAX_VALUE);
      ClickstreamViewsCheck check = new ClickstreamViewsCheck(connection, ROWS);

      assertThatThrownBy(() -> check.dailyCustomerRevenue(clicks))
          .hasMessageContaining("DAILY_CUSTOMER_REVENUE differs").hasMessageContaining("revenue");
    }
  }

  @Test
  void theChecksCatchAFunnelOrderedByArrival() throws Exception {
    try (Connection connection = open()) {
      Path refresh = applyMutant(connection, "refresh/20_clickstream.sql",
          "MIN(event_time) AS reached_at", "MIN(kafka_timestamp) AS reached_at",
          "MIN(e.event_time) AS reached_at", "MIN(e.kafka_timestamp) AS reached_at",
          "e.event_time >= ", "e.kafka_timestamp >= ");
      land(connection, "CLICKSTREAM_RAW", clicks.rows);
      Mirror.refresh(connection, refresh, Integer.MAX_VALUE);
      ClickstreamViewsCheck check = new ClickstreamViewsCheck(connection, ROWS);

      assertThatThrownBy(() -> check.funnel(clicks)).hasMessageContaining("EVENT_FUNNEL differs");
    }
  }

  @Test
  void theChecksCatchALatestStatusTakenByArrival() throws Exception {
    try (Connection connection = open()) {
      Path refresh = applyMutant(connection, "refresh/10_ats.sql",
          "ORDER BY event_time DESC NULLS LAST, seq DESC NULLS LAST", "ORDER BY kafka_offset DESC");
      land(connection, "ATS_RAW_JSON", ats.rows);
      Mirror.refresh(connection, refresh, Integer.MAX_VALUE);
      AtsViewsCheck check = new AtsViewsCheck(connection, ROWS);

      assertThatThrownBy(() -> check.latestStatus(ats)).hasMessageContaining("ATS_LATEST_STATUS differs");
      assertThatThrownBy(() -> check.kpis(ats)).hasMessageContaining("ATS_KPIS differs");
    }
  }

  @Test
  void appliesToAnEmptyDatabaseTwiceWithTheSinksTableShape() throws Exception {
    try (Connection connection = open()) {
      SqlScripts.apply(connection, SqlDirectory.duckdb());
      SqlScripts.apply(connection, SqlDirectory.duckdb());

      for (String raw : List.of("ATS_RAW_JSON", "CLICKSTREAM_RAW")) {
        assertThat(Rows.query(connection, "SELECT column_name, data_type FROM information_schema.columns"
            + " WHERE table_name = '" + raw + "' ORDER BY ordinal_position"))
            .as("%s as the sink creates it", raw)
            .containsExactly(column("RECORD_METADATA", "JSON"), column("RECORD_CONTENT", "JSON"));
      }
      Map<String, List<String>> objects = new LinkedHashMap<>(AtsViewsCheck.OBJECTS);
      objects.putAll(ClickstreamViewsCheck.OBJECTS);
      for (Map.Entry<String, List<String>> object : objects.entrySet()) {
        assertThat(Rows.columns(connection, object.getKey())).as(object.getKey())
            .containsExactlyElementsOf(object.getValue());
      }
      new AtsViewsCheck(connection, ROWS).kpis(List.of());
      assertThat(Rows.query(connection, "SELECT step, sessions FROM EVENT_FUNNEL ORDER BY step_order"))
          .extracting(row -> row.get("step") + "=" + row.get("sessions"))
          .containsExactly("page_view=0", "add_to_cart=0", "checkout=0", "purchase=0");
      assertThat(Rows.count(connection, "SELECT count(*) FROM ATS_LATEST_STATUS")).isZero();
      assertThat(Rows.count(connection, "SELECT count(*) FROM TOP_CUSTOMERS")).isZero();
    }
  }

  @Test
  void keepsRowsOfATableTheSinkCreatedFirst() throws Exception {
    try (Connection connection = open()) {
      try (Statement statement = connection.createStatement()) {
        // What the DuckDB target runs before its first flush.
        statement.execute(
            "CREATE TABLE IF NOT EXISTS \"ATS_RAW_JSON\" (\"RECORD_METADATA\" JSON, \"RECORD_CONTENT\" JSON)");
      }
      land(connection, "ATS_RAW_JSON", ats.rows.subList(0, 10));

      SqlScripts.apply(connection, SqlDirectory.duckdb());
      Mirror.refresh(connection);

      assertThat(Rows.count(connection, "SELECT count(*) FROM ATS_RAW_JSON")).isEqualTo(10);
      assertThat(Rows.count(connection, "SELECT count(*) FROM ATS_TRANSFORMED")).isPositive();
    }
  }

  private Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("variant.duckdb"));
  }

  /**
   * Rows that carry no event: the sink's content for a null value ({}), and values that are not
   * JSON objects. The views must leave them out rather than fail.
   */
  private static List<SinkRow> rowsWithoutEvents(String topic) {
    return List.of(
        new SinkRow(topic, 0, 1_000_000, 0, "k", Map.of(), null, "{}"),
        new SinkRow(topic, 0, 1_000_001, 0, "k", Map.of(), null, "[1, 2]"),
        new SinkRow(topic, 0, 1_000_002, 0, "k", Map.of(), null, "\"text\""));
  }

  /** Appends rows as the DuckDB target does: an appender, RECORD_METADATA then RECORD_CONTENT. */
  static void land(Connection connection, String table, List<SinkRow> rows) throws SQLException {
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      for (SinkRow row : rows) {
        appender.beginRow().append(row.metadata()).append(row.content()).endRow();
      }
    }
  }

  /**
   * Applies a copy of sql/duckdb with text in one script ({@code 10_ats.sql},
   * {@code refresh/20_clickstream.sql}, ...) replaced, each (from, to) pair checked to occur so a
   * mutant can never silently be the original; returns the copy, whose refresh/ the test runs.
   */
  private Path applyMutant(Connection connection, String file, String... fromTo) throws Exception {
    Path copy = dir.resolve("mutant");
    for (Path original : List.of(SqlDirectory.duckdb(), SqlDirectory.duckdbRefresh())) {
      Path target = copy.resolve(SqlDirectory.duckdb().relativize(original));
      Files.createDirectories(target);
      for (Path script : SqlScripts.scripts(original)) {
        String name = SqlDirectory.duckdb().relativize(script).toString();
        String text = Files.readString(script, StandardCharsets.UTF_8);
        if (name.equals(file)) {
          for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).as("the text to change").contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
          }
        }
        Files.writeString(target.resolve(script.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
    SqlScripts.apply(connection, copy);
    return copy.resolve("refresh");
  }

  private static Map<String, Object> column(String name, String type) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("column_name", name);
    row.put("data_type", type);
    return row;
  }
}
