-- E-commerce clickstream (topic clickstream-http-data) for DuckDB, as a medallion:
-- bronze CLICKSTREAM_RAW (what the sink lands), silver CLICKSTREAM_EVENTS (typed, deduplicated),
-- gold views for the dashboard. Idempotent: run it before the first row lands, and again after
-- any change to this file. Same object names and columns as sql/snowflake/20_clickstream.sql.
--
-- Late events: every figure below groups and orders by event_time, never by arrival (Kafka
-- offset or timestamp), and the views are recomputed when read, so an event that arrives late
-- lands in its own hour, day and funnel position.

-- Bronze: exactly the shape the sink creates.
CREATE TABLE IF NOT EXISTS "CLICKSTREAM_RAW" ("RECORD_METADATA" JSON, "RECORD_CONTENT" JSON);

-- Silver: one row per event_id, typed. The HTTP source may deliver an event twice (a page polled
-- again after a retry or restart); the first delivery by Kafka offset wins. revenue is
-- price * quantity for purchase events and 0 otherwise (a checkout's price is the cart total, so
-- it must not count). arrival_delay_s shows how late each event reached Kafka.
CREATE OR REPLACE VIEW CLICKSTREAM_EVENTS AS
WITH parsed AS (
  -- Each JSON document is parsed once, not once per field; a value of the wrong type comes out
  -- NULL, as with TRY_CAST. price is read as its JSON text so the DECIMAL
  -- cast below is exact.
  SELECT
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
WHERE event_id IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY kafka_offset, kafka_partition) = 1;

-- Gold: the purchase funnel over sessions. A session reaches a step when it has an event of that
-- step's type at or after the time it reached the previous step, by event time: steps count only
-- in order, however the events arrived. users counts distinct users among those sessions.
-- conversion_from_previous is NULL for the first step; rates are fractions (0.25 = 25 %).
CREATE OR REPLACE VIEW EVENT_FUNNEL AS
WITH viewed AS (
  SELECT session_id, MIN(user_id) AS user_id, MIN(event_time) AS reached_at
  FROM CLICKSTREAM_EVENTS
  WHERE event_type = 'page_view'
  GROUP BY session_id
),
carted AS (
  SELECT v.session_id, v.user_id, MIN(e.event_time) AS reached_at
  FROM viewed v
  JOIN CLICKSTREAM_EVENTS e
    ON e.session_id = v.session_id AND e.event_type = 'add_to_cart' AND e.event_time >= v.reached_at
  GROUP BY v.session_id, v.user_id
),
checked_out AS (
  SELECT c.session_id, c.user_id, MIN(e.event_time) AS reached_at
  FROM carted c
  JOIN CLICKSTREAM_EVENTS e
    ON e.session_id = c.session_id AND e.event_type = 'checkout' AND e.event_time >= c.reached_at
  GROUP BY c.session_id, c.user_id
),
purchased AS (
  SELECT k.session_id, k.user_id, MIN(e.event_time) AS reached_at
  FROM checked_out k
  JOIN CLICKSTREAM_EVENTS e
    ON e.session_id = k.session_id AND e.event_type = 'purchase' AND e.event_time >= k.reached_at
  GROUP BY k.session_id, k.user_id
),
steps AS (
  SELECT 1 AS step_order, 'page_view' AS step, COUNT(*) AS sessions, COUNT(DISTINCT user_id) AS users FROM viewed
  UNION ALL
  SELECT 2, 'add_to_cart', COUNT(*), COUNT(DISTINCT user_id) FROM carted
  UNION ALL
  SELECT 3, 'checkout', COUNT(*), COUNT(DISTINCT user_id) FROM checked_out
  UNION ALL
  SELECT 4, 'purchase', COUNT(*), COUNT(DISTINCT user_id) FROM purchased
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
SELECT
  event_date,
  user_id,
  COUNT(DISTINCT session_id)    AS orders,
  COUNT(*)                      AS purchases,
  CAST(SUM(quantity) AS BIGINT) AS units,
  SUM(revenue)                  AS revenue
FROM CLICKSTREAM_EVENTS
WHERE event_type = 'purchase'
GROUP BY event_date, user_id;

-- Gold: everything known about each user so far, by event time: a late event lands where it
-- belongs and never moves last_seen past the newest event actually seen. orders counts sessions
-- with a purchase; avg_order_value is revenue per order.
CREATE OR REPLACE VIEW REAL_TIME_CUSTOMER_METRICS AS
SELECT
  user_id,
  COUNT(*)                                                              AS events,
  COUNT(DISTINCT session_id)                                            AS sessions,
  MIN(event_time)                                                       AS first_seen,
  MAX(event_time)                                                       AS last_seen,
  COUNT(CASE WHEN event_type = 'page_view' THEN 1 END)                  AS page_views,
  COUNT(CASE WHEN event_type = 'add_to_cart' THEN 1 END)                AS cart_adds,
  COUNT(CASE WHEN event_type = 'checkout' THEN 1 END)                   AS checkouts,
  COUNT(CASE WHEN event_type = 'purchase' THEN 1 END)                   AS purchases,
  COUNT(DISTINCT CASE WHEN event_type = 'purchase' THEN session_id END) AS orders,
  SUM(revenue)                                                          AS revenue,
  CAST(SUM(revenue) AS DOUBLE)
    / NULLIF(COUNT(DISTINCT CASE WHEN event_type = 'purchase' THEN session_id END), 0)
                                                                        AS avg_order_value
FROM CLICKSTREAM_EVENTS
GROUP BY user_id;

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
SELECT
  event_hour,
  event_type,
  COUNT(*)                   AS events,
  COUNT(DISTINCT user_id)    AS users,
  COUNT(DISTINCT session_id) AS sessions,
  SUM(revenue)               AS revenue
FROM CLICKSTREAM_EVENTS
GROUP BY event_hour, event_type;
