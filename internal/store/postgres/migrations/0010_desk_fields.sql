-- An event's date precision and fatalities get columns of their own.
-- prec is 'day', 'month', 'year', 'range' or 'none' (no date): timelines
-- place only day-precise events as points and read the rest — few, and
-- found through the partial index events_loose — as spans or as the
-- undated bucket, so "since 2016" is no longer an event of 2016-01-01.
-- fatalities is filled when an article is stored (store.Fatalities);
-- events stored before this migration keep 0 until re-ingested.
ALTER TABLE events ADD COLUMN prec TEXT NOT NULL DEFAULT 'day';
ALTER TABLE events ADD COLUMN fatalities INTEGER NOT NULL DEFAULT 0;
UPDATE events SET prec = CASE
	WHEN day = '' THEN 'none'
	WHEN data::jsonb #>> '{date,precision}' = 'range' THEN 'range'
	WHEN length(data::jsonb #>> '{date,value}') = 4 THEN 'year'
	WHEN length(data::jsonb #>> '{date,value}') = 7 THEN 'month'
	ELSE 'day' END;
CREATE INDEX events_loose ON events (source_code, target_code, day) WHERE prec <> 'day';
CREATE INDEX events_loose_target ON events (target_code, source_code, day) WHERE prec <> 'day';
CREATE INDEX events_fatal ON events (day) WHERE fatalities > 0;
CREATE INDEX events_country ON events (country, day);

-- Alerts fire once per real-world event: cluster names what an alert is
-- about (an event cluster, or a rule's own key such as a sigma day), and
-- a later report of it updates the alert (reports, updated_at,
-- last_event_key) instead of firing again.
ALTER TABLE alerts ADD COLUMN cluster TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN reports INTEGER NOT NULL DEFAULT 1;
ALTER TABLE alerts ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN last_event_key TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX alerts_rule_cluster ON alerts (rule_id, cluster) WHERE cluster <> '';

-- A paused rule is kept but not evaluated.
ALTER TABLE alert_rules ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;

-- Article listings run newest publication first.
CREATE INDEX articles_pub_seq ON articles (pub_day, seq);
