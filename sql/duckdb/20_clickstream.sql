-- E-commerce clickstream (topic clickstream-http-data) for DuckDB, as a medallion:
-- bronze CLICKSTREAM_RAW (what the sink lands), silver CLICKSTREAM_EVENTS (typed, deduplicated),
-- gold views for the dashboard. Silver and the state behind the gold views are tables that
-- refresh/20_clickstream.sql keeps up to date from the new raw rows. Idempotent: run it before the
-- first row lands, and again after any change to this file; it resets the mirror, and the next
-- refresh rebuilds it. Same object names and columns as sql/snowflake/20_clickstream.sql.
--
-- Late events: every figure below groups and orders by event_time, never by arrival (Kafka
-- offset or timestamp), and a refresh recomputes every session, user, day and hour a new event
-- touches, so an event that arrives late lands in its own hour, day and funnel position.

-- Bronze: exactly the shape the sink creates.
CREATE TABLE IF NOT EXISTS "CLICKSTREAM_RAW" ("RECORD_METADATA" JSON, "RECORD_CONTENT" JSON);

CREATE TABLE IF NOT EXISTS MIRROR_REFRESH_POSITION (
  source_table VARCHAR PRIMARY KEY,
  next_row     BIGINT NOT NULL,
  refreshed_at TIMESTAMPTZ
);

-- Every delivery of an event, typed, with the rowid of its raw row: what a refresh parses for the
-- raw rows it has not seen. revenue is price * quantity for purchase events and 0 otherwise (a
-- checkout's price is the cart total, so it must not count). arrival_delay_s shows how late each
-- event reached Kafka.
CREATE OR REPLACE VIEW MIRROR_CLICKSTREAM_PARSED AS
WITH parsed AS (
  -- Each JSON document is parsed once, not once per field; a value of the wrong type comes out
  -- NULL, as with TRY_CAST. price is read as its JSON text so the DECIMAL
  -- cast below is exact.
  SELECT
    rowid                                                                     AS raw_row,
    from_json(RECORD_CONTENT, '{
      "event_id": "VARCHAR", "session_id": "VARCHAR", "user_id": "VARCHAR",
      "event_type": "VARCHAR", "product_id": "VARCHAR", "category": "VARCHAR",
      "price": "VARCHAR", "quantity": "INTEGER", "page_url": "VARCHAR", "referrer": "VARCHAR",
      "device": "VARCHAR", "country": "VARCHAR", "event_time": "VARCHAR"}')   AS e,
    from_json(RECORD_METADATA, '{
      "topic": "VARCHAR", "partition": "INTEGER", "offset": "BIGINT",
      "CreateTime": "BIGINT", "LogAppendTime": "BIGINT"}')                    AS m
  FROM "CLICKSTREAM_RAW"
),
typed AS (
  SELECT
    raw_row,
    e.event_id,
    e.session_id,
    e.user_id,
    e.event_type,
    e.product_id,
    e.category,
    TRY_CAST(e.price AS DECIMAL(12, 2))                                       AS price,
    e.quantity,
    e.page_url,
    e.referrer,
    e.device,
    e.country,
    TRY_CAST(e.event_time AS TIMESTAMPTZ) AT TIME ZONE 'UTC'                  AS event_time,
    m.topic                                                                   AS kafka_topic,
    m."partition"                                                             AS kafka_partition,
    m."offset"                                                                AS kafka_offset,
    epoch_ms(COALESCE(m.CreateTime, m.LogAppendTime))                         AS kafka_timestamp
  FROM parsed
)
SELECT
  raw_row,
  event_id,
  session_id,
  user_id,
  event_type,
  product_id,
  category,
  price,
  quantity,
  CAST(CASE WHEN event_type = 'purchase' THEN COALESCE(price * quantity, 0) ELSE 0 END
       AS DECIMAL(18, 2))                                       AS revenue,
  page_url,
  referrer,
  device,
  country,
  event_time,
  CAST(event_time AS DATE)                                      AS event_date,
  date_trunc('hour', event_time)                                AS event_hour,
  kafka_topic,
  kafka_partition,
  kafka_offset,
  kafka_timestamp,
  date_diff('millisecond', event_time, kafka_timestamp) / 1000.0 AS arrival_delay_s
FROM typed
WHERE event_id IS NOT NULL;

-- Silver: one row per event_id. The HTTP source may deliver an event twice (a page polled again
-- after a retry or restart); the first delivery by Kafka offset (then partition) wins, however many
-- refreshes apart the deliveries arrive.
CREATE OR REPLACE TABLE MIRROR_CLICKSTREAM_EVENTS AS
SELECT * EXCLUDE (raw_row) FROM MIRROR_CLICKSTREAM_PARSED WHERE false;

CREATE OR REPLACE VIEW CLICKSTREAM_EVENTS AS SELECT * FROM MIRROR_CLICKSTREAM_EVENTS;

-- State behind the gold views, one row per session (funnel steps), per user and session (activity
-- and purchases by day), per hour and event type. Each is small next to the events, and each row
-- is recomputed from the events whenever one of them changes.
CREATE OR REPLACE TABLE MIRROR_SESSION_STEPS (
  session_id     VARCHAR,
  user_id        VARCHAR,
  viewed_at      TIMESTAMP,
  carted_at      TIMESTAMP,
  checked_out_at TIMESTAMP,
  purchased_at   TIMESTAMP
);

CREATE OR REPLACE TABLE MIRROR_USER_SESSIONS (
  user_id     VARCHAR,
  session_id  VARCHAR,
  events      BIGINT,
  first_seen  TIMESTAMP,
  last_seen   TIMESTAMP,
  page_views  BIGINT,
  cart_adds   BIGINT,
  checkouts   BIGINT,
  purchases   BIGINT,
  revenue     DECIMAL(38, 2)
);

CREATE OR REPLACE TABLE MIRROR_SESSION_PURCHASES (
  event_date DATE,
  user_id    VARCHAR,
  session_id VARCHAR,
  purchases  BIGINT,
  units      BIGINT,
  revenue    DECIMAL(38, 2)
);

-- Per user, from the tables above: what the dashboard reads, a row per customer however long the
-- history.
CREATE OR REPLACE TABLE MIRROR_CUSTOMER_METRICS (
  user_id         VARCHAR,
  events          BIGINT,
  sessions        BIGINT,
  first_seen      TIMESTAMP,
  last_seen       TIMESTAMP,
  page_views      BIGINT,
  cart_adds       BIGINT,
  checkouts       BIGINT,
  purchases       BIGINT,
  orders          BIGINT,
  revenue         DECIMAL(38, 2),
  avg_order_value DOUBLE
);

-- Sessions of each user that reached each funnel step.
CREATE OR REPLACE TABLE MIRROR_USER_FUNNEL (
  user_id     VARCHAR,
  viewed      BIGINT,
  carted      BIGINT,
  checked_out BIGINT,
  purchased   BIGINT
);

CREATE OR REPLACE TABLE MIRROR_DAILY_CUSTOMER_REVENUE (
  event_date DATE,
  user_id    VARCHAR,
  orders     BIGINT,
  purchases  BIGINT,
  units      BIGINT,
  revenue    DECIMAL(38, 2)
);

CREATE OR REPLACE TABLE MIRROR_HOURLY_TRENDS (
  event_hour TIMESTAMP,
  event_type VARCHAR,
  events     BIGINT,
  users      BIGINT,
  sessions   BIGINT,
  revenue    DECIMAL(38, 2)
);

INSERT OR REPLACE INTO MIRROR_REFRESH_POSITION VALUES ('CLICKSTREAM_RAW', 0, NULL);

-- Gold: the purchase funnel over sessions. A session reaches a step when it has an event of that
-- step's type at or after the time it reached the previous step, by event time: steps count only
-- in order, however the events arrived (refresh/20_clickstream.sql finds each session's steps).
-- users counts distinct users among those sessions. conversion_from_previous is NULL for the
-- first step; rates are fractions (0.25 = 25 %).
CREATE OR REPLACE VIEW EVENT_FUNNEL AS
WITH steps AS (
  SELECT 1 AS step_order, 'page_view' AS step, CAST(COALESCE(SUM(viewed), 0) AS BIGINT) AS sessions,
         COUNT(CASE WHEN viewed > 0 THEN user_id END) AS users
  FROM MIRROR_USER_FUNNEL
  UNION ALL
  SELECT 2, 'add_to_cart', CAST(COALESCE(SUM(carted), 0) AS BIGINT), COUNT(CASE WHEN carted > 0 THEN user_id END)
  FROM MIRROR_USER_FUNNEL
  UNION ALL
  SELECT 3, 'checkout', CAST(COALESCE(SUM(checked_out), 0) AS BIGINT), COUNT(CASE WHEN checked_out > 0 THEN user_id END)
  FROM MIRROR_USER_FUNNEL
  UNION ALL
  SELECT 4, 'purchase', CAST(COALESCE(SUM(purchased), 0) AS BIGINT), COUNT(CASE WHEN purchased > 0 THEN user_id END)
  FROM MIRROR_USER_FUNNEL
)
SELECT
  step_order,
  step,
  sessions,
  users,
  CAST(sessions AS DOUBLE) / NULLIF(LAG(sessions) OVER (ORDER BY step_order), 0)         AS conversion_from_previous,
  CAST(sessions AS DOUBLE) / NULLIF(FIRST_VALUE(sessions) OVER (ORDER BY step_order), 0) AS conversion_from_start
FROM steps;

-- Gold: purchases per UTC day of event time and user. orders counts sessions with a purchase.
CREATE OR REPLACE VIEW DAILY_CUSTOMER_REVENUE AS
SELECT event_date, user_id, orders, purchases, units, revenue
FROM MIRROR_DAILY_CUSTOMER_REVENUE;

-- Gold: everything known about each user so far, by event time: a late event lands where it
-- belongs and never moves last_seen past the newest event actually seen. orders counts sessions
-- with a purchase; avg_order_value is revenue per order.
CREATE OR REPLACE VIEW REAL_TIME_CUSTOMER_METRICS AS
SELECT user_id, events, sessions, first_seen, last_seen, page_views, cart_adds, checkouts, purchases,
       orders, revenue, avg_order_value
FROM MIRROR_CUSTOMER_METRICS;

-- Gold: the ten best customers by revenue; ties share a rank, so more than ten rows can appear.
CREATE OR REPLACE VIEW TOP_CUSTOMERS AS
SELECT
  RANK() OVER (ORDER BY revenue DESC) AS revenue_rank,
  user_id,
  revenue,
  orders,
  purchases,
  sessions,
  last_seen
FROM REAL_TIME_CUSTOMER_METRICS
WHERE revenue > 0
QUALIFY RANK() OVER (ORDER BY revenue DESC) <= 10;

-- Gold: activity per hour of event time and event type.
CREATE OR REPLACE VIEW HOURLY_TRENDS AS
SELECT event_hour, event_type, events, users, sessions, revenue
FROM MIRROR_HOURLY_TRENDS;
