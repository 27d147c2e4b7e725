-- Incremental refresh of the train telemetry mirror (see ../10_ats.sql): parses only the raw rows
-- that arrived since the last refresh, at most getvariable('mirror_batch_rows') of them (100,000
-- when unset), and leaves the mirror exactly as the views over all raw rows would be.
-- Run it inside one transaction, together with refresh/20_clickstream.sql: the position moves with
-- the rows derived from it, so a refresh that fails or is killed half-way changes nothing.
--   BEGIN; <this file>; COMMIT;

SET VARIABLE ats_from = (
  SELECT next_row FROM MIRROR_REFRESH_POSITION WHERE source_table = 'ATS_RAW_JSON');
SET VARIABLE ats_to = (
  SELECT LEAST(COALESCE(MAX(rowid) + 1, 0),
               getvariable('ats_from') + COALESCE(CAST(getvariable('mirror_batch_rows') AS BIGINT), 100000))
  FROM "ATS_RAW_JSON");

-- The first delivery of each event among the new raw rows.
CREATE OR REPLACE TEMP TABLE ats_batch AS
SELECT * EXCLUDE (raw_row)
FROM MIRROR_ATS_PARSED
WHERE raw_row >= getvariable('ats_from') AND raw_row < getvariable('ats_to')
QUALIFY ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY kafka_offset, kafka_partition) = 1;

-- A delivery mirrored by an earlier refresh that comes first by (offset, partition) keeps its place.
DELETE FROM ats_batch
USING MIRROR_ATS_TRANSFORMED t
WHERE t.event_id = ats_batch.event_id
  AND (t.kafka_offset < ats_batch.kafka_offset
       OR (t.kafka_offset = ats_batch.kafka_offset AND t.kafka_partition <= ats_batch.kafka_partition));

-- Otherwise the new delivery comes first (a redelivery on another partition at a lower offset) and
-- replaces the mirrored one, whose content may differ.
CREATE OR REPLACE TEMP TABLE ats_replaced AS
SELECT t.* FROM MIRROR_ATS_TRANSFORMED t SEMI JOIN ats_batch b ON t.event_id = b.event_id;

DELETE FROM MIRROR_ATS_TRANSFORMED USING ats_replaced r WHERE MIRROR_ATS_TRANSFORMED.event_id = r.event_id;

INSERT INTO MIRROR_ATS_TRANSFORMED SELECT * FROM ats_batch;

-- Latest status of the trains that have new events. A train whose latest event was replaced is
-- recomputed from all its events; for every other train the newest of its previous latest event
-- and its new events is the newest of all.
CREATE OR REPLACE TEMP TABLE ats_trains AS
SELECT DISTINCT train_id FROM (SELECT train_id FROM ats_batch UNION ALL SELECT train_id FROM ats_replaced);

CREATE OR REPLACE TEMP TABLE ats_rescanned_trains AS
SELECT DISTINCT l.train_id FROM MIRROR_ATS_LATEST l JOIN ats_replaced r ON r.event_id = l.event_id;

CREATE OR REPLACE TEMP TABLE ats_candidates AS
SELECT l.* FROM MIRROR_ATS_LATEST l
  SEMI JOIN ats_trains a ON l.train_id IS NOT DISTINCT FROM a.train_id
  ANTI JOIN ats_replaced r ON r.event_id = l.event_id
UNION ALL
SELECT * FROM ats_batch
UNION ALL
SELECT t.* FROM MIRROR_ATS_TRANSFORMED t
  SEMI JOIN ats_rescanned_trains s ON t.train_id IS NOT DISTINCT FROM s.train_id;

DELETE FROM MIRROR_ATS_LATEST
WHERE EXISTS (SELECT 1 FROM ats_trains a WHERE a.train_id IS NOT DISTINCT FROM MIRROR_ATS_LATEST.train_id);

INSERT INTO MIRROR_ATS_LATEST
SELECT * FROM ats_candidates
QUALIFY ROW_NUMBER() OVER (PARTITION BY train_id ORDER BY event_time DESC NULLS LAST, seq DESC NULLS LAST) = 1;

UPDATE MIRROR_REFRESH_POSITION
SET next_row = getvariable('ats_to'), refreshed_at = now()
WHERE source_table = 'ATS_RAW_JSON';

DROP TABLE ats_batch;
DROP TABLE ats_replaced;
DROP TABLE ats_trains;
DROP TABLE ats_rescanned_trains;
DROP TABLE ats_candidates;
