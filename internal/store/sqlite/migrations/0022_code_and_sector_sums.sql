-- A timeline with a CAMEO code finer than a root (RUS-PRK, 194) summed
-- the events table: the dated events through events_dyad, then again
-- those with a loose date and those with fatalities through the partial
-- indexes, which grows with the events (42 ms of CPU for a busy dyad at
-- 2.5 million). dyad_code_cc sums like dyad_daily_cc (codes cut to their
-- country part) by the full code instead of the root, for the events
-- whose code is finer than its root; kept on write with the other sums
-- and filled here from the events.
CREATE TABLE dyad_code_cc (
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	cameo         TEXT NOT NULL,
	prec          TEXT NOT NULL,
	day           TEXT NOT NULL,
	day_to        TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	n             INTEGER NOT NULL,
	goldstein_sum REAL NOT NULL,
	fatalities    INTEGER NOT NULL,
	PRIMARY KEY (source_code, target_code, cameo, prec, day, day_to, quad_class)
) WITHOUT ROWID;
INSERT INTO dyad_code_cc (source_code, target_code, cameo, prec, day, day_to, quad_class, n, goldstein_sum, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), cameo, prec, day, day_to, quad_class,
		COUNT(*), SUM(goldstein), SUM(fatalities)
	FROM events NOT INDEXED -- one pass over the table, not a lookup per event in index order
	WHERE length(cameo) > length(cameo_root) AND cameo_root <> ''
	GROUP BY substr(source_code, 1, 3), substr(target_code, 1, 3), cameo, prec, day, day_to, quad_class;

-- The choropleth with a sector code (RUSMIL), a prefix longer than a
-- country code, or a CAMEO code finer than a root counted the matching
-- events from the events table (a lookup per event). country_pair sums
-- like country_dyad by the full codes of the dyad (with a second index
-- for the target side), country_code by the full CAMEO code for the
-- events whose code is finer than its root; both count located events
-- only, kept on write like country_dyad.
CREATE TABLE country_pair (
	source_code TEXT NOT NULL,
	target_code TEXT NOT NULL,
	cameo_root  TEXT NOT NULL,
	country     TEXT NOT NULL,
	n           INTEGER NOT NULL,
	fatalities  INTEGER NOT NULL,
	PRIMARY KEY (source_code, target_code, cameo_root, country)
) WITHOUT ROWID;
INSERT INTO country_pair (source_code, target_code, cameo_root, country, n, fatalities)
	SELECT source_code, target_code, cameo_root, country, COUNT(*), SUM(fatalities)
	FROM events NOT INDEXED WHERE country <> '' GROUP BY source_code, target_code, cameo_root, country;
CREATE INDEX country_pair_target ON country_pair (target_code, source_code, cameo_root, country, n, fatalities);

CREATE TABLE country_code (
	cameo      TEXT NOT NULL,
	country    TEXT NOT NULL,
	n          INTEGER NOT NULL,
	fatalities INTEGER NOT NULL,
	PRIMARY KEY (cameo, country)
) WITHOUT ROWID;
INSERT INTO country_code (cameo, country, n, fatalities)
	SELECT cameo, country, COUNT(*), SUM(fatalities)
	FROM events NOT INDEXED WHERE country <> '' AND length(cameo) > length(cameo_root) AND cameo_root <> ''
	GROUP BY cameo, country;
