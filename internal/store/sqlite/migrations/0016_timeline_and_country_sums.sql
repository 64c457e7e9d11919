-- Sums without the CAMEO root, which is most of the aggregates' rows: a
-- timeline without a code filter reads one row per day and quad class
-- instead of one per root too, in key order (no sort). actor_day_cc
-- keeps each view of a country apart (role 'i' every event involving
-- it, 's' as source, 't' as target, each event once per view) so that a
-- country's timeline reads one key range; all_day is every event.
-- country_day and country_total count events by the country of their
-- location (the map's choropleth): by day for a date range, in total for
-- none. All are filled from the stored aggregates and events, and kept
-- on write with them.
CREATE TABLE dyad_day_cc (
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	prec          TEXT NOT NULL,
	day           TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	day_to        TEXT NOT NULL,
	n             INTEGER NOT NULL,
	goldstein_sum REAL NOT NULL,
	fatalities    INTEGER NOT NULL,
	PRIMARY KEY (source_code, target_code, prec, day, day_to, quad_class)
) WITHOUT ROWID;
INSERT INTO dyad_day_cc (source_code, target_code, prec, day, quad_class, day_to, n, goldstein_sum, fatalities)
	SELECT source_code, target_code, prec, day, quad_class, day_to, SUM(n), SUM(goldstein_sum), SUM(fatalities)
	FROM dyad_daily_cc GROUP BY source_code, target_code, prec, day, quad_class, day_to;

CREATE TABLE actor_day_cc (
	actor         TEXT NOT NULL,
	role          TEXT NOT NULL,
	prec          TEXT NOT NULL,
	day           TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	day_to        TEXT NOT NULL,
	n             INTEGER NOT NULL,
	goldstein_sum REAL NOT NULL,
	fatalities    INTEGER NOT NULL,
	PRIMARY KEY (actor, role, prec, day, day_to, quad_class)
) WITHOUT ROWID;
INSERT INTO actor_day_cc (actor, role, prec, day, quad_class, day_to, n, goldstein_sum, fatalities)
SELECT actor, role, prec, day, quad_class, day_to, SUM(n), SUM(goldstein_sum), SUM(fatalities) FROM (
	SELECT actor, 'i' AS role, prec, day, quad_class, day_to, n, goldstein_sum, fatalities FROM actor_daily_cc
	UNION ALL
	SELECT actor, 's', prec, day, quad_class, day_to, n, goldstein_sum, fatalities FROM actor_daily_cc WHERE role IN ('s', 'b')
	UNION ALL
	SELECT actor, 't', prec, day, quad_class, day_to, n, goldstein_sum, fatalities FROM actor_daily_cc WHERE role IN ('t', 'b')
) x GROUP BY actor, role, prec, day, quad_class, day_to;

CREATE TABLE all_day (
	prec          TEXT NOT NULL,
	day           TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	day_to        TEXT NOT NULL,
	n             INTEGER NOT NULL,
	goldstein_sum REAL NOT NULL,
	fatalities    INTEGER NOT NULL,
	PRIMARY KEY (prec, day, day_to, quad_class)
) WITHOUT ROWID;
INSERT INTO all_day (prec, day, quad_class, day_to, n, goldstein_sum, fatalities)
	SELECT prec, day, quad_class, day_to, SUM(n), SUM(goldstein_sum), SUM(fatalities)
	FROM dyad_day_cc GROUP BY prec, day, quad_class, day_to;

CREATE TABLE country_day (
	day        TEXT NOT NULL,
	country    TEXT NOT NULL,
	n          INTEGER NOT NULL,
	fatalities INTEGER NOT NULL,
	PRIMARY KEY (day, country)
) WITHOUT ROWID;
INSERT INTO country_day (day, country, n, fatalities)
	SELECT day, country, COUNT(*), 0 FROM events WHERE country <> '' GROUP BY country, day;
UPDATE country_day SET fatalities = x.f
	FROM (SELECT day, country, SUM(fatalities) AS f FROM events INDEXED BY events_fatal
		WHERE fatalities > 0 AND country <> '' GROUP BY day, country) x
	WHERE country_day.day = x.day AND country_day.country = x.country;

CREATE TABLE country_total (
	country    TEXT NOT NULL PRIMARY KEY,
	n          INTEGER NOT NULL,
	fatalities INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO country_total (country, n, fatalities)
	SELECT country, SUM(n), SUM(fatalities) FROM country_day GROUP BY country;
