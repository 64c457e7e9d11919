-- The daily aggregates carry an event's date precision (prec), the known
-- end of a range (day_to) and the fatalities, and count undated events
-- too (day ''): a timeline reads the aggregates alone instead of also
-- reading every event whose date is not a day and every event with
-- fatalities from the events table, which at ten million events with a
-- tenth of them coarse or undated cost a country's timeline a third of a
-- second. prec comes before day in the keys, so that a date range reads
-- the day-precise rows in range and the few coarse ones apart. The
-- tables are rebuilt from the events, the truth they summarise.
CREATE TABLE dyad_daily_new (
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	prec          TEXT NOT NULL,
	day           TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	cameo_root    TEXT NOT NULL,
	day_to        TEXT NOT NULL,
	n             INTEGER NOT NULL,
	goldstein_sum REAL NOT NULL,
	fatalities    INTEGER NOT NULL,
	PRIMARY KEY (source_code, target_code, prec, day, quad_class, cameo_root, day_to)
) WITHOUT ROWID;
INSERT INTO dyad_daily_new (source_code, target_code, prec, day, quad_class, cameo_root, day_to, n, goldstein_sum, fatalities)
	SELECT source_code, target_code, prec, day, quad_class, cameo_root, day_to, COUNT(*), SUM(goldstein), SUM(fatalities)
	FROM events NOT INDEXED -- one pass over the table, not a lookup per event in index order
	GROUP BY source_code, target_code, prec, day, quad_class, cameo_root, day_to;
DROP TABLE dyad_daily;
ALTER TABLE dyad_daily_new RENAME TO dyad_daily;
CREATE INDEX dyad_daily_target ON dyad_daily (target_code, source_code, prec, day, quad_class, cameo_root, day_to,
	n, goldstein_sum, fatalities);

CREATE TABLE dyad_daily_cc_new (
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	prec          TEXT NOT NULL,
	day           TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	cameo_root    TEXT NOT NULL,
	day_to        TEXT NOT NULL,
	n             INTEGER NOT NULL,
	goldstein_sum REAL NOT NULL,
	fatalities    INTEGER NOT NULL,
	PRIMARY KEY (source_code, target_code, prec, day, quad_class, cameo_root, day_to)
) WITHOUT ROWID;
INSERT INTO dyad_daily_cc_new (source_code, target_code, prec, day, quad_class, cameo_root, day_to, n, goldstein_sum, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), prec, day, quad_class, cameo_root, day_to,
		SUM(n), SUM(goldstein_sum), SUM(fatalities)
	FROM dyad_daily GROUP BY substr(source_code, 1, 3), substr(target_code, 1, 3), prec, day, quad_class, cameo_root, day_to;
DROP TABLE dyad_daily_cc;
ALTER TABLE dyad_daily_cc_new RENAME TO dyad_daily_cc;
CREATE INDEX dyad_daily_cc_target ON dyad_daily_cc (target_code, source_code, prec, day, quad_class, cameo_root, day_to,
	n, goldstein_sum, fatalities);

CREATE TABLE actor_daily_cc_new (
	actor         TEXT NOT NULL,
	cameo_root    TEXT NOT NULL,
	prec          TEXT NOT NULL,
	day           TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	role          TEXT NOT NULL,
	day_to        TEXT NOT NULL,
	n             BIGINT NOT NULL,
	goldstein_sum REAL NOT NULL,
	fatalities    BIGINT NOT NULL,
	PRIMARY KEY (actor, cameo_root, prec, day, quad_class, role, day_to)
) WITHOUT ROWID;
INSERT INTO actor_daily_cc_new (actor, cameo_root, prec, day, quad_class, role, day_to, n, goldstein_sum, fatalities)
SELECT actor, cameo_root, prec, day, quad_class, role, day_to, SUM(n), SUM(goldstein_sum), SUM(fatalities) FROM (
	SELECT source_code AS actor, cameo_root, prec, day, quad_class,
		CASE WHEN source_code = target_code THEN 'b' ELSE 's' END AS role, day_to, n, goldstein_sum, fatalities
	FROM dyad_daily_cc
	UNION ALL
	SELECT target_code, cameo_root, prec, day, quad_class, 't', day_to, n, goldstein_sum, fatalities
	FROM dyad_daily_cc WHERE target_code <> '' AND target_code <> source_code
) x GROUP BY actor, cameo_root, prec, day, quad_class, role, day_to;
DROP TABLE actor_daily_cc;
ALTER TABLE actor_daily_cc_new RENAME TO actor_daily_cc;
