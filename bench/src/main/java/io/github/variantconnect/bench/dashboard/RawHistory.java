package io.github.variantconnect.bench.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Raw rows in the sink's shape, generated inside DuckDB (10 million take seconds, not the hours
 * Kafka would): ATS telemetry of 60 trains on 3 lines, one event per train per 10 s tick, and
 * clickstream of 8-event sessions over 5,000 users, one event per 200 ms. As in a real feed, about
 * 1 % of the records are delivered twice (the copy later, at a higher offset) and about 1 % arrive
 * late (a few thousand rows after their neighbours).
 */
final class RawHistory {

  private static final String ATS = """
      INSERT INTO "ATS_RAW_JSON"
      WITH deliveries AS (
        SELECT i, i + CASE WHEN i % 97 = 5 THEN 3000 ELSE 0 END AS arrival, false AS copy FROM range(?, ?) r(i)
        UNION ALL
        SELECT i, i + 40, true FROM range(?, ?) r(i) WHERE i % 101 = 7
      ),
      events AS (
        SELECT d.*, i % 60 AS train, i // 60 AS tick, (i % 60) % 3 AS line,
               (((i // 60) // 6) + (i % 60)) % 20 AS station,
               CAST(200 + ((i * 7919) % 700) AS INTEGER) AS passengers,
               CAST(((i * 104729) % 2600) / 10.0 - 60 AS DOUBLE) AS power
        FROM deliveries d
      )
      SELECT
        json_object('topic', 'ats-telemetry', 'partition', line,
                    'offset', tick * 20 + train // 3 + CASE WHEN copy THEN 1000000000 ELSE 0 END,
                    'CreateTime', 1741000000000 + arrival * 167, 'key', 'T' || train)::JSON,
        json_object(
          'event_id', 'T' || train || '-' || tick, 'train_id', 'T' || train, 'line_id', 'L' || line,
          'seq', tick,
          'event_time', strftime(TIMESTAMP '2025-03-01 00:00:00' + to_seconds(tick * 10), '%Y-%m-%dT%H:%M:%SZ'),
          'station_id', 'L' || line || '-S' || station, 'next_station_id', 'L' || line || '-S' || ((station + 1) % 20),
          'latitude', 48.0 + line * 0.1 + station * 0.005, 'longitude', 11.0 + station * 0.01,
          'position_km', station * 1.2, 'speed_kmh', CASE WHEN tick % 6 = 0 THEN 0 ELSE 45.5 END,
          'passenger_count', passengers, 'capacity', 900, 'power_kw', power,
          'status', CASE WHEN train = 59 AND tick % 500 > 400 THEN 'OUT_OF_SERVICE'
                         WHEN tick % 6 = 0 THEN 'DWELLING' WHEN tick % 50 = 1 THEN 'DELAYED' ELSE 'RUNNING' END,
          'alerts', list_filter([CASE WHEN passengers > 600 THEN 'OVERCROWDING' END,
                                 CASE WHEN power > 150 THEN 'HIGH_POWER' END], a -> a IS NOT NULL))::JSON
      FROM events
      ORDER BY arrival""";

  private static final String CLICKS = """
      INSERT INTO "CLICKSTREAM_RAW"
      WITH deliveries AS (
        SELECT i, i + CASE WHEN i % 89 = 3 THEN 3000 ELSE 0 END AS arrival, false AS copy FROM range(?, ?) r(i)
        UNION ALL
        SELECT i, i + 40, true FROM range(?, ?) r(i) WHERE i % 103 = 11
      ),
      events AS (
        SELECT d.*, i // 8 AS session, i % 8 AS step,
               CASE i % 8 WHEN 4 THEN 'add_to_cart' WHEN 5 THEN 'search'
                          WHEN 6 THEN CASE WHEN (i // 8) % 2 = 0 THEN 'checkout' ELSE 'page_view' END
                          WHEN 7 THEN CASE WHEN (i // 8) % 4 = 0 THEN 'purchase' ELSE 'page_view' END
                          ELSE 'page_view' END AS event_type
        FROM deliveries d
      )
      SELECT
        json_object('topic', 'clickstream-http-data', 'partition', session % 3,
                    'offset', i + CASE WHEN copy THEN 1000000000 ELSE 0 END,
                    'CreateTime', 1740787200000 + arrival * 200 + 300, 'key', 's' || session)::JSON,
        json_object(
          'event_id', 'c' || i, 'session_id', 's' || session, 'user_id', 'u' || (session % 5000),
          'event_type', event_type, 'product_id', 'p' || (i % 500), 'category', 'cat' || (i % 12),
          'price', CAST(((i * 31) % 20000) / 100.0 + 1 AS DECIMAL(12, 2)), 'quantity', 1 + i % 3,
          'page_url', '/p/' || (i % 500), 'referrer', 'search', 'device', 'mobile', 'country', 'DE',
          'event_time', strftime(TIMESTAMP '2025-03-01 00:00:00' + to_milliseconds(i * 200), '%Y-%m-%dT%H:%M:%S.%gZ'))::JSON
      FROM events
      ORDER BY arrival""";

  private long atsNext;
  private long clicksNext;

  /** Appends the next {@code atsEvents} telemetry events and {@code clickEvents} clicks, copies included. */
  void append(Connection connection, long atsEvents, long clickEvents) throws SQLException {
    insert(connection, ATS, atsNext, atsNext + atsEvents);
    insert(connection, CLICKS, clicksNext, clicksNext + clickEvents);
    atsNext += atsEvents;
    clicksNext += clickEvents;
  }

  static long rawRows(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var rs = statement.executeQuery(
            "SELECT (SELECT count(*) FROM \"ATS_RAW_JSON\") + (SELECT count(*) FROM \"CLICKSTREAM_RAW\")")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void insert(Connection connection, String sql, long from, long to) throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      statement.setLong(1, from);
      statement.setLong(2, to);
      statement.setLong(3, from);
      statement.setLong(4, to);
      statement.executeUpdate();
    }
  }
}
