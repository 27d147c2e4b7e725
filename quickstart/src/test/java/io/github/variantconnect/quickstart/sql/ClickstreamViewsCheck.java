package io.github.variantconnect.quickstart.sql;

import io.github.variantconnect.demoapi.ClickEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Every clickstream view checked against the same figures computed in Java from the events the
 * demo API generated and the deliveries the sink landed. The column lists are the views' contract,
 * shared by both dialects.
 */
final class ClickstreamViewsCheck {

  static final List<String> EVENTS_COLUMNS = List.of("event_id", "session_id", "user_id",
      "event_type", "product_id", "category", "price", "quantity", "revenue", "page_url", "referrer",
      "device", "country", "event_time", "event_date", "event_hour", "kafka_topic",
      "kafka_partition", "kafka_offset", "kafka_timestamp", "arrival_delay_s");
  static final List<String> FUNNEL_COLUMNS = List.of("step_order", "step", "sessions", "users",
      "conversion_from_previous", "conversion_from_start");
  static final List<String> DAILY_REVENUE_COLUMNS = List.of("event_date", "user_id", "orders",
      "purchases", "units", "revenue");
  static final List<String> CUSTOMER_METRICS_COLUMNS = List.of("user_id", "events", "sessions",
      "first_seen", "last_seen", "page_views", "cart_adds", "checkouts", "purchases", "orders",
      "revenue", "avg_order_value");
  static final List<String> TOP_CUSTOMERS_COLUMNS = List.of("revenue_rank", "user_id", "revenue",
      "orders", "purchases", "sessions", "last_seen");
  static final List<String> HOURLY_TRENDS_COLUMNS = List.of("event_hour", "event_type", "events",
      "users", "sessions", "revenue");
  static final List<String> FUNNEL_STEPS = List.of("page_view", "add_to_cart", "checkout", "purchase");
  static final int TOP_N = 10;

  /** Every object of 20_clickstream.sql, in creation order, with its columns. */
  static final Map<String, List<String>> OBJECTS = objects();

  private final Connection connection;
  private final RowAssert rows;

  ClickstreamViewsCheck(Connection connection, RowAssert rows) {
    this.connection = connection;
    this.rows = rows;
  }

  void verifyAll(ClickstreamFixture fixture) throws SQLException {
    events(fixture);
    funnel(fixture);
    dailyCustomerRevenue(fixture);
    customerMetrics(fixture);
    topCustomers(fixture);
    hourlyTrends(fixture);
  }

  void events(ClickstreamFixture fixture) throws SQLException {
    Map<String, SinkRow> first = AtsViewsCheck.firstDeliveries(fixture.rows);
    List<Map<String, Object>> expected = new ArrayList<>();
    for (ClickEvent e : fixture.events) {
      SinkRow delivery = first.get(e.eventId());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("event_id", e.eventId());
      row.put("session_id", e.sessionId());
      row.put("user_id", e.userId());
      row.put("event_type", e.eventType());
      row.put("product_id", e.productId());
      row.put("category", e.category());
      row.put("price", e.price());
      row.put("quantity", e.quantity() == null ? null : (long) e.quantity());
      row.put("revenue", revenue(e));
      row.put("page_url", e.pageUrl());
      row.put("referrer", e.referrer());
      row.put("device", e.device());
      row.put("country", e.country());
      row.put("event_time", AtsViewsCheck.utc(e.eventTime()));
      row.put("event_date", day(e));
      row.put("event_hour", AtsViewsCheck.utc(hour(e)));
      row.put("kafka_topic", delivery.topic());
      row.put("kafka_partition", (long) delivery.partition());
      row.put("kafka_offset", delivery.offset());
      row.put("kafka_timestamp", AtsViewsCheck.utc(Instant.ofEpochMilli(delivery.createTimeMs())));
      row.put("arrival_delay_s", (delivery.createTimeMs() - e.eventTime().toEpochMilli()) / 1000.0);
      expected.add(row);
    }
    check("CLICKSTREAM_EVENTS", EVENTS_COLUMNS, expected, List.of("event_id"));
  }

  void funnel(ClickstreamFixture fixture) throws SQLException {
    check("EVENT_FUNNEL", FUNNEL_COLUMNS,
        expectedFunnel(fixture.events, e -> e.eventTime().toEpochMilli()), List.of("step_order"));
  }

  void dailyCustomerRevenue(ClickstreamFixture fixture) throws SQLException {
    Map<List<Object>, List<ClickEvent>> groups = group(purchases(fixture.events),
        e -> List.of(day(e), e.userId()));
    List<Map<String, Object>> expected = new ArrayList<>();
    groups.forEach((key, events) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("event_date", key.get(0));
      row.put("user_id", key.get(1));
      row.put("orders", distinct(events, ClickEvent::sessionId));
      row.put("purchases", (long) events.size());
      row.put("units", events.stream().mapToLong(ClickEvent::quantity).sum());
      row.put("revenue", totalRevenue(events));
      expected.add(row);
    });
    check("DAILY_CUSTOMER_REVENUE", DAILY_REVENUE_COLUMNS, expected, List.of("event_date", "user_id"));
  }

  void customerMetrics(ClickstreamFixture fixture) throws SQLException {
    check("REAL_TIME_CUSTOMER_METRICS", CUSTOMER_METRICS_COLUMNS,
        new ArrayList<>(expectedCustomerMetrics(fixture.events).values()), List.of("user_id"));
  }

  void topCustomers(ClickstreamFixture fixture) throws SQLException {
    List<Map<String, Object>> customers = expectedCustomerMetrics(fixture.events).values().stream()
        .filter(c -> ((BigDecimal) c.get("revenue")).signum() > 0)
        .toList();
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Map<String, Object> customer : customers) {
      BigDecimal revenue = (BigDecimal) customer.get("revenue");
      long rank = 1 + customers.stream()
          .filter(other -> ((BigDecimal) other.get("revenue")).compareTo(revenue) > 0)
          .count();
      if (rank <= TOP_N) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("revenue_rank", rank);
        for (String column : TOP_CUSTOMERS_COLUMNS.subList(1, TOP_CUSTOMERS_COLUMNS.size())) {
          row.put(column, customer.get(column));
        }
        expected.add(row);
      }
    }
    check("TOP_CUSTOMERS", TOP_CUSTOMERS_COLUMNS, expected, List.of("user_id"));
  }

  void hourlyTrends(ClickstreamFixture fixture) throws SQLException {
    Map<List<Object>, List<ClickEvent>> groups = group(fixture.events,
        e -> List.of(AtsViewsCheck.utc(hour(e)), e.eventType()));
    List<Map<String, Object>> expected = new ArrayList<>();
    groups.forEach((key, events) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("event_hour", key.get(0));
      row.put("event_type", key.get(1));
      row.put("events", (long) events.size());
      row.put("users", distinct(events, ClickEvent::userId));
      row.put("sessions", distinct(events, ClickEvent::sessionId));
      row.put("revenue", totalRevenue(events));
      expected.add(row);
    });
    check("HOURLY_TRENDS", HOURLY_TRENDS_COLUMNS, expected, List.of("event_hour", "event_type"));
  }

  /**
   * The funnel as sql/README.md defines it, with events of a session put in order by {@code order}:
   * a session reaches a step with its first event of that type at or after reaching the previous one.
   */
  static List<Map<String, Object>> expectedFunnel(List<ClickEvent> events, ToLongFunction<ClickEvent> order) {
    List<Set<String>> sessions = new ArrayList<>();
    List<Set<String>> users = new ArrayList<>();
    for (int i = 0; i < FUNNEL_STEPS.size(); i++) {
      sessions.add(new HashSet<>());
      users.add(new HashSet<>());
    }
    group(events, ClickEvent::sessionId).forEach((session, sessionEvents) -> {
      long reachedAt = Long.MIN_VALUE;
      for (int step = 0; step < FUNNEL_STEPS.size(); step++) {
        String type = FUNNEL_STEPS.get(step);
        long threshold = reachedAt;
        long next = sessionEvents.stream()
            .filter(e -> e.eventType().equals(type))
            .mapToLong(order)
            .filter(at -> at >= threshold)
            .min()
            .orElse(Long.MAX_VALUE);
        if (next == Long.MAX_VALUE) {
          break;
        }
        reachedAt = next;
        sessions.get(step).add(session);
        users.get(step).add(sessionEvents.get(0).userId());
      }
    });
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int step = 0; step < FUNNEL_STEPS.size(); step++) {
      long count = sessions.get(step).size();
      long previous = step == 0 ? 0 : sessions.get(step - 1).size();
      long start = sessions.get(0).size();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("step_order", (long) step + 1);
      row.put("step", FUNNEL_STEPS.get(step));
      row.put("sessions", count);
      row.put("users", (long) users.get(step).size());
      row.put("conversion_from_previous", step == 0 || previous == 0 ? null : (double) count / previous);
      row.put("conversion_from_start", start == 0 ? null : (double) count / start);
      rows.add(row);
    }
    return rows;
  }

  static Map<String, Map<String, Object>> expectedCustomerMetrics(List<ClickEvent> events) {
    Map<String, Map<String, Object>> customers = new TreeMap<>();
    group(events, ClickEvent::userId).forEach((user, userEvents) -> {
      List<ClickEvent> purchases = purchases(userEvents);
      long orders = distinct(purchases, ClickEvent::sessionId);
      BigDecimal revenue = totalRevenue(userEvents);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("user_id", user);
      row.put("events", (long) userEvents.size());
      row.put("sessions", distinct(userEvents, ClickEvent::sessionId));
      row.put("first_seen", AtsViewsCheck.utc(userEvents.stream().map(ClickEvent::eventTime)
          .min(Instant::compareTo).orElseThrow()));
      row.put("last_seen", AtsViewsCheck.utc(userEvents.stream().map(ClickEvent::eventTime)
          .max(Instant::compareTo).orElseThrow()));
      row.put("page_views", countType(userEvents, "page_view"));
      row.put("cart_adds", countType(userEvents, "add_to_cart"));
      row.put("checkouts", countType(userEvents, "checkout"));
      row.put("purchases", (long) purchases.size());
      row.put("orders", orders);
      row.put("revenue", revenue);
      row.put("avg_order_value", orders == 0 ? null : revenue.doubleValue() / orders);
      customers.put(user, row);
    });
    return customers;
  }

  /** price * quantity for a purchase, else 0: what the silver layer's revenue column holds. */
  static BigDecimal revenue(ClickEvent e) {
    return e.eventType().equals("purchase") ? e.price().multiply(BigDecimal.valueOf(e.quantity()))
        : BigDecimal.ZERO;
  }

  static List<ClickEvent> purchases(List<ClickEvent> events) {
    return events.stream().filter(e -> e.eventType().equals("purchase")).toList();
  }

  static LocalDate day(ClickEvent e) {
    return LocalDate.ofInstant(e.eventTime(), ZoneOffset.UTC);
  }

  private static Instant hour(ClickEvent e) {
    return e.eventTime().truncatedTo(ChronoUnit.HOURS);
  }

  private static BigDecimal totalRevenue(List<ClickEvent> events) {
    return events.stream().map(ClickstreamViewsCheck::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static long countType(List<ClickEvent> events, String type) {
    return events.stream().filter(e -> e.eventType().equals(type)).count();
  }

  private static long distinct(List<ClickEvent> events, Function<ClickEvent, String> value) {
    return events.stream().map(value).distinct().count();
  }

  private static <K> Map<K, List<ClickEvent>> group(List<ClickEvent> events, Function<ClickEvent, K> key) {
    return events.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
  }

  private void check(String view, List<String> columns, List<Map<String, Object>> expected,
      List<String> key) throws SQLException {
    rows.assertRows(view, Rows.columns(connection, view), Rows.query(connection, "SELECT * FROM " + view),
        columns, expected, key);
  }

  private static Map<String, List<String>> objects() {
    Map<String, List<String>> objects = new LinkedHashMap<>();
    objects.put("CLICKSTREAM_RAW", List.of("record_metadata", "record_content"));
    objects.put("CLICKSTREAM_EVENTS", EVENTS_COLUMNS);
    objects.put("EVENT_FUNNEL", FUNNEL_COLUMNS);
    objects.put("DAILY_CUSTOMER_REVENUE", DAILY_REVENUE_COLUMNS);
    objects.put("REAL_TIME_CUSTOMER_METRICS", CUSTOMER_METRICS_COLUMNS);
    objects.put("TOP_CUSTOMERS", TOP_CUSTOMERS_COLUMNS);
    objects.put("HOURLY_TRENDS", HOURLY_TRENDS_COLUMNS);
    return objects;
  }
}
