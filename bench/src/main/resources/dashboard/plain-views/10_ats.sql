-- Train telemetry (topic ats-telemetry) for DuckDB: the raw table the sink lands, a typed and
-- deduplicated projection of it, and the views the dashboard reads.
-- Idempotent: run it before the first row lands, and again after any change to this file.
-- Same object names and columns as sql/snowflake/10_ats.sql; see sql/README.md.

-- Exactly the shape the sink creates, so applying this file first is harmless to the sink and
-- the views below have something to bind to before the first flush.
CREATE TABLE IF NOT EXISTS "ATS_RAW_JSON" ("RECORD_METADATA" JSON, "RECORD_CONTENT" JSON);

-- One row per telemetry event, typed. A replayed record (an at-least-once redelivery, a source
-- restart) repeats its deterministic event_id, so only the first delivery by Kafka offset counts.
-- Flags come from the alerts the source computed, so they follow the source's thresholds rather
-- than repeating them here. Rows without an event_id cannot be deduplicated and are left out.
CREATE OR REPLACE VIEW ATS_TRANSFORMED AS
WITH parsed AS (
  -- Each JSON document is parsed once, not once per field; a value of the wrong type comes out
  -- NULL, as with TRY_CAST.
  SELECT
    from_json(RECORD_CONTENT, '{
      "event_id": "VARCHAR", "train_id": "VARCHAR", "line_id": "VARCHAR", "seq": "BIGINT",
      "event_time": "VARCHAR", "station_id": "VARCHAR", "next_station_id": "VARCHAR",
      "latitude": "DOUBLE", "longitude": "DOUBLE", "position_km": "DOUBLE", "speed_kmh": "DOUBLE",
      "passenger_count": "INTEGER", "capacity": "INTEGER", "power_kw": "DOUBLE",
      "status": "VARCHAR", "alerts": ["VARCHAR"]}')                    AS e,
    from_json(RECORD_METADATA, '{
      "topic": "VARCHAR", "partition": "INTEGER", "offset": "BIGINT",
      "CreateTime": "BIGINT", "LogAppendTime": "BIGINT"}')             AS m
  FROM "ATS_RAW_JSON"
),
typed AS (
  SELECT
    e.event_id,
    e.train_id,
    e.line_id,
    e.seq,
    TRY_CAST(e.event_time AS TIMESTAMPTZ) AT TIME ZONE 'UTC'           AS event_time,
    e.station_id,
    e.next_station_id,
    e.latitude,
    e.longitude,
    e.position_km,
    e.speed_kmh,
    e.passenger_count,
    e.capacity,
    e.power_kw,
    e.status,
    COALESCE(e.alerts, []::VARCHAR[])                                  AS alerts,
    m.topic                                                            AS kafka_topic,
    m."partition"                                                      AS kafka_partition,
    m."offset"                                                         AS kafka_offset,
    epoch_ms(COALESCE(m.CreateTime, m.LogAppendTime))                  AS kafka_timestamp
  FROM parsed
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
  CAST(len(alerts) AS INTEGER)                          AS alert_count,
  list_contains(alerts, 'OVERCROWDING')                 AS is_overcrowded,
  list_contains(alerts, 'HIGH_POWER')                   AS is_high_power,
  CAST(passenger_count AS DOUBLE) / NULLIF(capacity, 0) AS load_factor,
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
    a.alert_type,
    t.status,
    t.station_id,
    t.passenger_count,
    t.power_kw
  FROM ATS_TRANSFORMED t
  CROSS JOIN UNNEST(t.alerts) AS a(alert_type)
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
  date_trunc('hour', event_time)                                         AS event_hour,
  COUNT(*)                                                               AS events,
  COUNT(DISTINCT train_id)                                               AS trains,
  COUNT(DISTINCT CASE WHEN status <> 'OUT_OF_SERVICE' THEN train_id END) AS active_trains,
  AVG(passenger_count)                                                   AS avg_passengers,
  MAX(passenger_count)                                                   AS max_passengers,
  AVG(power_kw)                                                          AS avg_power_kw,
  MAX(power_kw)                                                          AS max_power_kw,
  CAST(SUM(alert_count) AS BIGINT)                                       AS alert_count,
  COUNT(CASE WHEN is_overcrowded THEN 1 END)                             AS overcrowded_events,
  COUNT(CASE WHEN is_high_power THEN 1 END)                              AS high_power_events,
  COUNT(CASE WHEN status = 'DELAYED' THEN 1 END)                         AS delayed_events,
  COUNT(CASE WHEN status = 'OUT_OF_SERVICE' THEN 1 END)                  AS out_of_service_events
FROM ATS_TRANSFORMED
GROUP BY date_trunc('hour', event_time);

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
  CAST(COALESCE(SUM(alert_count), 0) AS BIGINT)     AS active_alerts,
  COUNT(*)                                          AS reporting_trains,
  MAX(event_time)                                   AS as_of
FROM ATS_LATEST_STATUS;
