-- Train telemetry (topic ats-telemetry) for Snowflake: the raw table the sink lands, a dynamic
-- table that types and deduplicates it, and the views the dashboard reads.
-- Run after 00_setup.sql, in the schema the connector writes to (00_setup.sql leaves the session
-- there). Idempotent. Same object names and columns as sql/duckdb/10_ats.sql; see sql/README.md.
-- The dynamic table runs on warehouse VARIANT_CONNECT_WH, the default of 00_setup.sql: if you
-- chose another there, replace the name below.

-- Exactly the shape the sink creates, so applying this file first is harmless to the sink.
CREATE TABLE IF NOT EXISTS ATS_RAW_JSON (
  RECORD_METADATA VARIANT,
  RECORD_CONTENT VARIANT
);

-- One row per telemetry event, typed. A replayed record (an at-least-once redelivery, a source
-- restart) repeats its deterministic event_id, so only the first delivery by Kafka offset counts.
-- Flags come from the alerts the source computed, so they follow the source's thresholds rather
-- than repeating them here. Rows without an event_id cannot be deduplicated and are left out.
CREATE OR REPLACE DYNAMIC TABLE ATS_TRANSFORMED
  TARGET_LAG = '1 minute'
  WAREHOUSE = VARIANT_CONNECT_WH
  -- Stated, not left to AUTO: a query that cannot refresh incrementally fails at creation instead
  -- of silently recomputing the whole table each minute.
  REFRESH_MODE = INCREMENTAL
AS
WITH typed AS (
  SELECT
    RECORD_CONTENT:event_id::VARCHAR                                    AS event_id,
    RECORD_CONTENT:train_id::VARCHAR                                    AS train_id,
    RECORD_CONTENT:line_id::VARCHAR                                     AS line_id,
    TRY_TO_NUMBER(RECORD_CONTENT:seq::VARCHAR)                          AS seq,
    CONVERT_TIMEZONE('UTC', TRY_TO_TIMESTAMP_TZ(RECORD_CONTENT:event_time::VARCHAR))::TIMESTAMP_NTZ
                                                                        AS event_time,
    RECORD_CONTENT:station_id::VARCHAR                                  AS station_id,
    RECORD_CONTENT:next_station_id::VARCHAR                             AS next_station_id,
    TRY_TO_DOUBLE(RECORD_CONTENT:latitude::VARCHAR)                     AS latitude,
    TRY_TO_DOUBLE(RECORD_CONTENT:longitude::VARCHAR)                    AS longitude,
    TRY_TO_DOUBLE(RECORD_CONTENT:position_km::VARCHAR)                  AS position_km,
    TRY_TO_DOUBLE(RECORD_CONTENT:speed_kmh::VARCHAR)                    AS speed_kmh,
    TRY_TO_NUMBER(RECORD_CONTENT:passenger_count::VARCHAR)              AS passenger_count,
    TRY_TO_NUMBER(RECORD_CONTENT:capacity::VARCHAR)                     AS capacity,
    TRY_TO_DOUBLE(RECORD_CONTENT:power_kw::VARCHAR)                     AS power_kw,
    RECORD_CONTENT:status::VARCHAR                                      AS status,
    COALESCE(AS_ARRAY(RECORD_CONTENT:alerts), ARRAY_CONSTRUCT())        AS alerts,
    RECORD_METADATA:"topic"::VARCHAR                                    AS kafka_topic,
    RECORD_METADATA:"partition"::NUMBER                                 AS kafka_partition,
    RECORD_METADATA:"offset"::NUMBER                                    AS kafka_offset,
    TO_TIMESTAMP_NTZ(COALESCE(RECORD_METADATA:"CreateTime", RECORD_METADATA:"LogAppendTime")::NUMBER, 3)
                                                                        AS kafka_timestamp
  FROM ATS_RAW_JSON
)
SELECT
  event_id,
  train_id,
  line_id,
  seq,
  event_time,
  station_id,
  next_station_id,
  latitude,
  longitude,
  position_km,
  speed_kmh,
  passenger_count,
  capacity,
  power_kw,
  status,
  alerts,
  ARRAY_SIZE(alerts)                                AS alert_count,
  ARRAY_CONTAINS('OVERCROWDING'::VARIANT, alerts)   AS is_overcrowded,
  ARRAY_CONTAINS('HIGH_POWER'::VARIANT, alerts)     AS is_high_power,
  passenger_count::DOUBLE / NULLIF(capacity, 0)     AS load_factor,
  kafka_topic,
  kafka_partition,
  kafka_offset,
  kafka_timestamp
FROM typed
WHERE event_id IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY kafka_offset, kafka_partition) = 1;

-- The newest event of each train by event time (not by arrival, so a late record never
-- overwrites a newer state); seq breaks ties.
CREATE OR REPLACE VIEW ATS_LATEST_STATUS AS
SELECT
  train_id,
  line_id,
  event_id,
  seq,
  event_time,
  station_id,
  next_station_id,
  latitude,
  longitude,
  position_km,
  speed_kmh,
  passenger_count,
  capacity,
  power_kw,
  status,
  alerts,
  alert_count,
  is_overcrowded,
  is_high_power,
  load_factor,
  status <> 'OUT_OF_SERVICE' AS is_active
FROM ATS_TRANSFORMED
QUALIFY ROW_NUMBER() OVER (PARTITION BY train_id ORDER BY event_time DESC NULLS LAST, seq DESC NULLS LAST) = 1;

-- One row per alert raised by an event. is_active marks the alerts of each train's latest event:
-- those are the dashboard's active alerts, and their count is ATS_KPIS.active_alerts.
CREATE OR REPLACE VIEW ATS_ALERTS AS
WITH raised AS (
  SELECT
    t.event_id,
    t.train_id,
    t.line_id,
    t.event_time,
    a.value::VARCHAR AS alert_type,
    t.status,
    t.station_id,
    t.passenger_count,
    t.power_kw
  FROM ATS_TRANSFORMED t,
    LATERAL FLATTEN(input => t.alerts) a
)
SELECT
  r.event_id,
  r.train_id,
  r.line_id,
  r.event_time,
  r.alert_type,
  r.status,
  r.station_id,
  r.passenger_count,
  r.power_kw,
  (l.event_id IS NOT NULL) AS is_active
FROM raised r
LEFT JOIN ATS_LATEST_STATUS l ON l.event_id = r.event_id;

-- Network-wide figures per hour of event time. Averages are over events (one per train per
-- tick), so they are time-weighted per train; active_trains counts trains with at least one
-- event that hour not OUT_OF_SERVICE.
CREATE OR REPLACE VIEW ATS_HOURLY_STATS AS
SELECT
  DATE_TRUNC('HOUR', event_time)                                         AS event_hour,
  COUNT(*)                                                               AS events,
  COUNT(DISTINCT train_id)                                               AS trains,
  COUNT(DISTINCT CASE WHEN status <> 'OUT_OF_SERVICE' THEN train_id END) AS active_trains,
  AVG(passenger_count)                                                   AS avg_passengers,
  MAX(passenger_count)                                                   AS max_passengers,
  AVG(power_kw)                                                          AS avg_power_kw,
  MAX(power_kw)                                                          AS max_power_kw,
  SUM(alert_count)                                                       AS alert_count,
  COUNT(CASE WHEN is_overcrowded THEN 1 END)                             AS overcrowded_events,
  COUNT(CASE WHEN is_high_power THEN 1 END)                              AS high_power_events,
  COUNT(CASE WHEN status = 'DELAYED' THEN 1 END)                         AS delayed_events,
  COUNT(CASE WHEN status = 'OUT_OF_SERVICE' THEN 1 END)                  AS out_of_service_events
FROM ATS_TRANSFORMED
GROUP BY DATE_TRUNC('HOUR', event_time);

-- The dashboard's four figures, always exactly one row (zeros and NULL averages before data):
--   active_trains  trains whose latest status is not OUT_OF_SERVICE
--   avg_passengers mean passenger_count over the latest statuses of the active trains
--   avg_power_kw   mean power_kw over the same rows (regenerating trains count negative)
--   active_alerts  alerts carried by the latest statuses of all trains, out of service included
-- reporting_trains counts every train with a latest status; as_of is the newest of those events.
CREATE OR REPLACE VIEW ATS_KPIS AS
SELECT
  COUNT(CASE WHEN is_active THEN 1 END)             AS active_trains,
  AVG(CASE WHEN is_active THEN passenger_count END) AS avg_passengers,
  AVG(CASE WHEN is_active THEN power_kw END)        AS avg_power_kw,
  COALESCE(SUM(alert_count), 0)                     AS active_alerts,
  COUNT(*)                                          AS reporting_trains,
  MAX(event_time)                                   AS as_of
FROM ATS_LATEST_STATUS;
