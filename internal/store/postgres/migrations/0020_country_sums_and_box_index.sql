-- The choropleth with an actor, dyad or CAMEO filter counted the
-- matching events from the events table (seconds at millions of
-- events): it reads these sums instead, kept on write like
-- country_total. Codes are cut to their country part as in
-- dyad_day_cc. country_dyad sums by (source, target, root, location
-- country); country_actor by country and view of it (role 'i' every
-- event involving it, 's' as source, 't' as target, each event once per
-- view) and root; country_root by root alone. Events without a location
-- country are not counted.
CREATE TABLE country_dyad (
	source_code TEXT COLLATE "C" NOT NULL,
	target_code TEXT COLLATE "C" NOT NULL,
	cameo_root  TEXT COLLATE "C" NOT NULL,
	country     TEXT COLLATE "C" NOT NULL,
	n           BIGINT NOT NULL,
	fatalities  BIGINT NOT NULL,
	PRIMARY KEY (source_code, target_code, cameo_root, country)
);
INSERT INTO country_dyad (source_code, target_code, cameo_root, country, n, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), cameo_root, country, COUNT(*), SUM(fatalities)
	FROM events WHERE country <> '' GROUP BY 1, 2, 3, 4;

CREATE TABLE country_actor (
	actor      TEXT COLLATE "C" NOT NULL,
	role       TEXT COLLATE "C" NOT NULL,
	cameo_root TEXT COLLATE "C" NOT NULL,
	country    TEXT COLLATE "C" NOT NULL,
	n          BIGINT NOT NULL,
	fatalities BIGINT NOT NULL,
	PRIMARY KEY (actor, role, cameo_root, country)
);
INSERT INTO country_actor (actor, role, cameo_root, country, n, fatalities)
SELECT actor, role, cameo_root, country, SUM(n), SUM(fatalities) FROM (
	SELECT source_code AS actor, 'i' AS role, cameo_root, country, n, fatalities FROM country_dyad
	UNION ALL
	SELECT target_code, 'i', cameo_root, country, n, fatalities FROM country_dyad
		WHERE target_code <> '' AND target_code <> source_code
	UNION ALL
	SELECT source_code, 's', cameo_root, country, n, fatalities FROM country_dyad
	UNION ALL
	SELECT target_code, 't', cameo_root, country, n, fatalities FROM country_dyad WHERE target_code <> ''
) x GROUP BY actor, role, cameo_root, country;

CREATE TABLE country_root (
	cameo_root TEXT COLLATE "C" NOT NULL,
	country    TEXT COLLATE "C" NOT NULL,
	n          BIGINT NOT NULL,
	fatalities BIGINT NOT NULL,
	PRIMARY KEY (cameo_root, country)
);
INSERT INTO country_root (cameo_root, country, n, fatalities)
	SELECT cameo_root, country, SUM(n), SUM(fatalities) FROM country_dyad GROUP BY cameo_root, country;

-- A map box: a GiST index over the events' points. A small box reads
-- its events through it instead of walking the date index until enough
-- of them turn up.
CREATE INDEX events_geo ON events USING gist (point(lon, lat));
