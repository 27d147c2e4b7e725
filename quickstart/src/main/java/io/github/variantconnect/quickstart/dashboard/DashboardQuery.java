package io.github.variantconnect.quickstart.dashboard;

/**
 * What the dashboard reads, one fixed query per panel over the views of {@code sql/duckdb} or
 * {@code sql/snowflake}. Nothing here is built from a request: the page only ever receives these
 * answers. Each text is valid in both engines (intervals as quoted literals, {@code INTERVAL '1
 * hour'}, the one form both accept; no engine-only functions), so the panels cannot drift apart.
 *
 * <p>The views read the mirror that {@code sql/duckdb/refresh} keeps (latest status per train,
 * funnel steps per session, activity per user and session, trends per hour), so most panels cost
 * a read of a small table; the two that need the event history read only its last hour.
 */
public enum DashboardQuery {

  /** The four headline figures (one row). */
  KPIS("kpis", 1, """
      SELECT active_trains, avg_passengers, active_alerts, avg_power_kw, reporting_trains, as_of
      FROM ATS_KPIS"""),

  /**
   * Network averages per simulated tick over the last simulated hour: the two timelines. The join
   * only narrows the scan to recent rows (the newest event of an active train is no newer than the
   * newest event not out of service); QUALIFY decides exactly which ticks are shown. A join, not a
   * scalar subquery in the WHERE: DuckDB then skips the older row groups of the history by their
   * min/max, so the read costs the same however long the history.
   */
  TIMELINE("timeline", 1, """
      SELECT t.event_time,
             AVG(t.passenger_count) AS avg_passengers,
             AVG(t.power_kw)        AS avg_power_kw,
             COUNT(*)               AS trains
      FROM ATS_TRANSFORMED t
      JOIN (SELECT COALESCE(MAX(event_time), TIMESTAMP '0001-01-01 00:00:00') - INTERVAL '1 hour' AS since
            FROM ATS_LATEST_STATUS WHERE is_active) recent
        ON t.event_time >= recent.since
      WHERE t.status <> 'OUT_OF_SERVICE'
      GROUP BY t.event_time
      QUALIFY t.event_time >= MAX(t.event_time) OVER () - INTERVAL '1 hour'
      ORDER BY t.event_time"""),

  /** Where every train is now. */
  POSITIONS("positions", 1, """
      SELECT train_id, line_id, latitude, longitude, position_km, speed_kmh,
             passenger_count, capacity, power_kw, status, alert_count
      FROM ATS_LATEST_STATUS
      ORDER BY line_id, train_id"""),

  /**
   * The lines as their stations, located where trains dwell in the last simulated day, in track
   * order: every line runs through all its stations many times a day, and the last day keeps
   * the scan the same size however long the history. Stations do not move, so once found they
   * are read less often. Joined, not compared with a subquery, for the same reason as the
   * timeline.
   */
  STATIONS("stations", 5, """
      SELECT t.line_id, t.station_id,
             AVG(t.latitude)    AS latitude,
             AVG(t.longitude)   AS longitude,
             MIN(t.position_km) AS position_km
      FROM ATS_TRANSFORMED t
      JOIN (SELECT MAX(event_time) - INTERVAL '1 day' AS since FROM ATS_LATEST_STATUS) recent
        ON t.event_time >= recent.since
      WHERE t.status = 'DWELLING' AND t.latitude IS NOT NULL AND t.longitude IS NOT NULL
      GROUP BY t.line_id, t.station_id
      ORDER BY t.line_id, position_km"""),

  /** Alerts carried by each train's latest event. */
  ALERTS("alerts", 1, """
      SELECT train_id, line_id, alert_type, status, station_id, passenger_count, power_kw, event_time
      FROM ATS_ALERTS
      WHERE is_active
      ORDER BY alert_type, train_id
      LIMIT 100"""),

  /** Clickstream headline figures (one row). */
  SHOP_TOTALS("shop_totals", 1, """
      SELECT COUNT(*)      AS customers,
             SUM(events)   AS events,
             SUM(sessions) AS sessions,
             SUM(orders)   AS orders,
             SUM(revenue)  AS revenue,
             MAX(last_seen) AS last_event
      FROM REAL_TIME_CUSTOMER_METRICS"""),

  FUNNEL("funnel", 1, """
      SELECT step_order, step, sessions, users, conversion_from_previous, conversion_from_start
      FROM EVENT_FUNNEL
      ORDER BY step_order"""),

  /** Revenue per day, newest first, from the per-customer daily table. */
  DAILY_REVENUE("daily_revenue", 1, """
      SELECT event_date, SUM(revenue) AS revenue, SUM(orders) AS orders, COUNT(*) AS customers
      FROM DAILY_CUSTOMER_REVENUE
      GROUP BY event_date
      ORDER BY event_date DESC
      LIMIT 7"""),

  /** Events and revenue per hour and event type over the last day of event time. */
  HOURLY_TRENDS("hourly_trends", 1, """
      SELECT event_hour, event_type, events, revenue
      FROM HOURLY_TRENDS
      QUALIFY event_hour >= MAX(event_hour) OVER () - INTERVAL '23 hours'
      ORDER BY event_hour, event_type"""),

  TOP_CUSTOMERS("top_customers", 1, """
      SELECT revenue_rank, user_id, revenue, orders, purchases, sessions, last_seen
      FROM TOP_CUSTOMERS
      ORDER BY revenue_rank, user_id
      LIMIT 10""");

  private final String key;
  private final int everyRounds;
  private final String sql;

  DashboardQuery(String key, int everyRounds, String sql) {
    this.key = key;
    this.everyRounds = everyRounds;
    this.sql = sql;
  }

  /** The name of this panel's answer in the page's JSON. */
  public String key() {
    return key;
  }

  public String sql() {
    return sql;
  }

  /** Whether to run in refresh round {@code round} (0, 1, …) even when it has an answer already. */
  boolean dueIn(long round) {
    return round % everyRounds == 0;
  }
}
