-- Incremental refresh of the clickstream mirror (see ../20_clickstream.sql): parses only the raw
-- rows that arrived since the last refresh, at most getvariable('mirror_batch_rows') of them
-- (100,000 when unset), then recomputes the funnel steps, activity and purchases of every session
-- those rows touch, the figures of every user and day those sessions belong to, and the hourly
-- trends of every hour they touch, from the deduplicated events.
-- Run it inside the same transaction as refresh/10_ats.sql.

SET VARIABLE click_from = (
  SELECT next_row FROM MIRROR_REFRESH_POSITION WHERE source_table = 'CLICKSTREAM_RAW');
SET VARIABLE click_to = (
  SELECT LEAST(COALESCE(MAX(rowid) + 1, 0),
               getvariable('click_from') + COALESCE(CAST(getvariable('mirror_batch_rows') AS BIGINT), 100000))
  FROM "CLICKSTREAM_RAW");

-- The first delivery of each event among the new raw rows.
CREATE OR REPLACE TEMP TABLE click_batch AS
SELECT * EXCLUDE (raw_row)
FROM MIRROR_CLICKSTREAM_PARSED
WHERE raw_row >= getvariable('click_from') AND raw_row < getvariable('click_to')
QUALIFY ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY kafka_offset, kafka_partition) = 1;

-- A delivery mirrored by an earlier refresh that comes first by (offset, partition) keeps its place.
DELETE FROM click_batch
USING MIRROR_CLICKSTREAM_EVENTS t
WHERE t.event_id = click_batch.event_id
  AND (t.kafka_offset < click_batch.kafka_offset
       OR (t.kafka_offset = click_batch.kafka_offset AND t.kafka_partition <= click_batch.kafka_partition));

-- Otherwise the new delivery replaces the mirrored one, whose content (session, user, time) may
-- differ: the old row's session and hour need recomputing too.
CREATE OR REPLACE TEMP TABLE click_replaced AS
SELECT t.* FROM MIRROR_CLICKSTREAM_EVENTS t SEMI JOIN click_batch b ON t.event_id = b.event_id;

DELETE FROM MIRROR_CLICKSTREAM_EVENTS USING click_replaced r
WHERE MIRROR_CLICKSTREAM_EVENTS.event_id = r.event_id;

INSERT INTO MIRROR_CLICKSTREAM_EVENTS SELECT * FROM click_batch;

CREATE OR REPLACE TEMP TABLE click_sessions AS
SELECT DISTINCT session_id FROM (SELECT session_id FROM click_batch UNION ALL SELECT session_id FROM click_replaced);

CREATE OR REPLACE TEMP TABLE click_hours AS
SELECT DISTINCT event_hour FROM (SELECT event_hour FROM click_batch UNION ALL SELECT event_hour FROM click_replaced);

-- Every event of the touched sessions.
CREATE OR REPLACE TEMP TABLE click_session_events AS
SELECT e.* FROM MIRROR_CLICKSTREAM_EVENTS e
SEMI JOIN click_sessions s ON e.session_id IS NOT DISTINCT FROM s.session_id;

-- Funnel steps: a session reaches a step with its first event of that type at or after the time
-- it reached the previous step, by event time.
DELETE FROM MIRROR_SESSION_STEPS
WHERE EXISTS (SELECT 1 FROM click_sessions s WHERE s.session_id IS NOT DISTINCT FROM MIRROR_SESSION_STEPS.session_id);

INSERT INTO MIRROR_SESSION_STEPS
WITH viewed AS (
  SELECT session_id, MIN(user_id) AS user_id, MIN(event_time) AS reached_at
  FROM click_session_events
  WHERE event_type = 'page_view'
  GROUP BY session_id
),
carted AS (
  SELECT v.session_id, v.user_id, MIN(e.event_time) AS reached_at
  FROM viewed v
  JOIN click_session_events e
    ON e.session_id = v.session_id AND e.event_type = 'add_to_cart' AND e.event_time >= v.reached_at
  GROUP BY v.session_id, v.user_id
),
checked_out AS (
  SELECT c.session_id, c.user_id, MIN(e.event_time) AS reached_at
  FROM carted c
  JOIN click_session_events e
    ON e.session_id = c.session_id AND e.event_type = 'checkout' AND e.event_time >= c.reached_at
  GROUP BY c.session_id, c.user_id
),
purchased AS (
  SELECT k.session_id, k.user_id, MIN(e.event_time) AS reached_at
  FROM checked_out k
  JOIN click_session_events e
    ON e.session_id = k.session_id AND e.event_type = 'purchase' AND e.event_time >= k.reached_at
  GROUP BY k.session_id, k.user_id
)
SELECT v.session_id, v.user_id, v.reached_at, c.reached_at, k.reached_at, p.reached_at
FROM viewed v
LEFT JOIN carted c ON c.session_id = v.session_id
LEFT JOIN checked_out k ON k.session_id = v.session_id
LEFT JOIN purchased p ON p.session_id = v.session_id;

-- Activity per user and session.
DELETE FROM MIRROR_USER_SESSIONS
WHERE EXISTS (SELECT 1 FROM click_sessions s WHERE s.session_id IS NOT DISTINCT FROM MIRROR_USER_SESSIONS.session_id);

INSERT INTO MIRROR_USER_SESSIONS
SELECT
  user_id,
  session_id,
  COUNT(*)                                             AS events,
  MIN(event_time)                                      AS first_seen,
  MAX(event_time)                                      AS last_seen,
  COUNT(CASE WHEN event_type = 'page_view' THEN 1 END)   AS page_views,
  COUNT(CASE WHEN event_type = 'add_to_cart' THEN 1 END) AS cart_adds,
  COUNT(CASE WHEN event_type = 'checkout' THEN 1 END)    AS checkouts,
  COUNT(CASE WHEN event_type = 'purchase' THEN 1 END)    AS purchases,
  SUM(revenue)                                         AS revenue
FROM click_session_events
GROUP BY user_id, session_id;

-- Purchases per UTC day, user and session.
DELETE FROM MIRROR_SESSION_PURCHASES
WHERE EXISTS (SELECT 1 FROM click_sessions s WHERE s.session_id IS NOT DISTINCT FROM MIRROR_SESSION_PURCHASES.session_id);

INSERT INTO MIRROR_SESSION_PURCHASES
SELECT event_date, user_id, session_id, COUNT(*), SUM(quantity), SUM(revenue)
FROM click_session_events
WHERE event_type = 'purchase'
GROUP BY event_date, user_id, session_id;

-- Per user: every user with an event in a touched session, or who lost one to a replacement.
CREATE OR REPLACE TEMP TABLE click_users AS
SELECT DISTINCT user_id FROM (SELECT user_id FROM click_session_events UNION ALL SELECT user_id FROM click_replaced);

DELETE FROM MIRROR_CUSTOMER_METRICS
WHERE EXISTS (SELECT 1 FROM click_users u WHERE u.user_id IS NOT DISTINCT FROM MIRROR_CUSTOMER_METRICS.user_id);

INSERT INTO MIRROR_CUSTOMER_METRICS
SELECT
  s.user_id,
  CAST(SUM(s.events) AS BIGINT)                                     AS events,
  COUNT(s.session_id)                                               AS sessions,
  MIN(s.first_seen)                                                 AS first_seen,
  MAX(s.last_seen)                                                  AS last_seen,
  CAST(SUM(s.page_views) AS BIGINT)                                 AS page_views,
  CAST(SUM(s.cart_adds) AS BIGINT)                                  AS cart_adds,
  CAST(SUM(s.checkouts) AS BIGINT)                                  AS checkouts,
  CAST(SUM(s.purchases) AS BIGINT)                                  AS purchases,
  COUNT(CASE WHEN s.purchases > 0 THEN s.session_id END)            AS orders,
  SUM(s.revenue)                                                    AS revenue,
  CAST(SUM(s.revenue) AS DOUBLE)
    / NULLIF(COUNT(CASE WHEN s.purchases > 0 THEN s.session_id END), 0) AS avg_order_value
FROM MIRROR_USER_SESSIONS s
SEMI JOIN click_users u ON s.user_id IS NOT DISTINCT FROM u.user_id
GROUP BY s.user_id;

DELETE FROM MIRROR_USER_FUNNEL
WHERE EXISTS (SELECT 1 FROM click_users u WHERE u.user_id IS NOT DISTINCT FROM MIRROR_USER_FUNNEL.user_id);

INSERT INTO MIRROR_USER_FUNNEL
SELECT s.user_id, COUNT(*), COUNT(s.carted_at), COUNT(s.checked_out_at), COUNT(s.purchased_at)
FROM MIRROR_SESSION_STEPS s
SEMI JOIN click_users u ON s.user_id IS NOT DISTINCT FROM u.user_id
GROUP BY s.user_id;

-- Per day and user with purchases, for the days and users of the touched purchases.
CREATE OR REPLACE TEMP TABLE click_user_days AS
SELECT DISTINCT event_date, user_id FROM (
  SELECT event_date, user_id FROM click_session_events WHERE event_type = 'purchase'
  UNION ALL
  SELECT event_date, user_id FROM click_replaced WHERE event_type = 'purchase');

DELETE FROM MIRROR_DAILY_CUSTOMER_REVENUE
WHERE EXISTS (SELECT 1 FROM click_user_days d
              WHERE d.event_date IS NOT DISTINCT FROM MIRROR_DAILY_CUSTOMER_REVENUE.event_date
                AND d.user_id IS NOT DISTINCT FROM MIRROR_DAILY_CUSTOMER_REVENUE.user_id);

INSERT INTO MIRROR_DAILY_CUSTOMER_REVENUE
SELECT
  p.event_date,
  p.user_id,
  COUNT(p.session_id)             AS orders,
  CAST(SUM(p.purchases) AS BIGINT) AS purchases,
  CAST(SUM(p.units) AS BIGINT)     AS units,
  SUM(p.revenue)                   AS revenue
FROM MIRROR_SESSION_PURCHASES p
SEMI JOIN click_user_days d
  ON d.event_date IS NOT DISTINCT FROM p.event_date AND d.user_id IS NOT DISTINCT FROM p.user_id
GROUP BY p.event_date, p.user_id;

-- Hourly trends of the touched hours. Events arrive roughly in event-time order, so the hours'
-- events sit in few row groups and the scan skips the rest.
DELETE FROM MIRROR_HOURLY_TRENDS
WHERE EXISTS (SELECT 1 FROM click_hours h WHERE h.event_hour IS NOT DISTINCT FROM MIRROR_HOURLY_TRENDS.event_hour);

INSERT INTO MIRROR_HOURLY_TRENDS
SELECT
  e.event_hour,
  e.event_type,
  COUNT(*)                     AS events,
  COUNT(DISTINCT e.user_id)    AS users,
  COUNT(DISTINCT e.session_id) AS sessions,
  SUM(e.revenue)               AS revenue
FROM MIRROR_CLICKSTREAM_EVENTS e
SEMI JOIN click_hours h ON e.event_hour IS NOT DISTINCT FROM h.event_hour
GROUP BY e.event_hour, e.event_type;

UPDATE MIRROR_REFRESH_POSITION
SET next_row = getvariable('click_to'), refreshed_at = now()
WHERE source_table = 'CLICKSTREAM_RAW';

DROP TABLE click_batch;
DROP TABLE click_replaced;
DROP TABLE click_sessions;
DROP TABLE click_hours;
DROP TABLE click_session_events;
DROP TABLE click_users;
DROP TABLE click_user_days;
