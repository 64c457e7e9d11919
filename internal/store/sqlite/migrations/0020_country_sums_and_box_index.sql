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
	source_code TEXT NOT NULL,
	target_code TEXT NOT NULL,
	cameo_root  TEXT NOT NULL,
	country     TEXT NOT NULL,
	n           INTEGER NOT NULL,
	fatalities  INTEGER NOT NULL,
	PRIMARY KEY (source_code, target_code, cameo_root, country)
) WITHOUT ROWID;
INSERT INTO country_dyad (source_code, target_code, cameo_root, country, n, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), cameo_root, country, COUNT(*), SUM(fatalities)
	FROM events WHERE country <> '' GROUP BY 1, 2, 3, 4;

CREATE TABLE country_actor (
	actor      TEXT NOT NULL,
	role       TEXT NOT NULL,
	cameo_root TEXT NOT NULL,
	country    TEXT NOT NULL,
	n          INTEGER NOT NULL,
	fatalities INTEGER NOT NULL,
	PRIMARY KEY (actor, role, cameo_root, country)
) WITHOUT ROWID;
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
	cameo_root TEXT NOT NULL,
	country    TEXT NOT NULL,
	n          INTEGER NOT NULL,
	fatalities INTEGER NOT NULL,
	PRIMARY KEY (cameo_root, country)
) WITHOUT ROWID;
INSERT INTO country_root (cameo_root, country, n, fatalities)
	SELECT cameo_root, country, SUM(n), SUM(fatalities) FROM country_dyad GROUP BY cameo_root, country;

-- A map box: an R*Tree over the events' points (32-bit bounds rounded
-- outward, so a query re-checks lat and lon on the event), filled by a
-- trigger on insert. A small box reads its events from here instead of
-- walking the date index until enough of them turn up.
CREATE VIRTUAL TABLE events_geo USING rtree(seq, min_lat, max_lat, min_lon, max_lon);
INSERT INTO events_geo (seq, min_lat, max_lat, min_lon, max_lon)
	SELECT seq, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
CREATE TRIGGER events_geo_insert AFTER INSERT ON events
	WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL
BEGIN
	INSERT INTO events_geo (seq, min_lat, max_lat, min_lon, max_lon) VALUES (new.seq, new.lat, new.lat, new.lon, new.lon);
END;
