-- The choropleth with an actor, dyad or CAMEO filter and a date range
-- counted the matching events from the events table: at ten million
-- events, a year of one country's events is a quarter of a million
-- lookups. These are country_dyad, country_actor and country_root by
-- the month of the event's (first) day as well, for dated events: a
-- range reads the whole months it covers here and only the days of a
-- month it covers in part from the events. Kept on write like
-- country_dyad, filled here from the events.
CREATE TABLE country_dyad_month (
	source_code TEXT COLLATE "C" NOT NULL,
	target_code TEXT COLLATE "C" NOT NULL,
	cameo_root  TEXT COLLATE "C" NOT NULL,
	month       TEXT COLLATE "C" NOT NULL,
	country     TEXT COLLATE "C" NOT NULL,
	n           BIGINT NOT NULL,
	fatalities  BIGINT NOT NULL,
	PRIMARY KEY (source_code, target_code, cameo_root, month, country)
);
INSERT INTO country_dyad_month (source_code, target_code, cameo_root, month, country, n, fatalities)
	SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), cameo_root, substr(day, 1, 7), country,
		COUNT(*), SUM(fatalities)
	FROM events WHERE country <> '' AND day <> '' GROUP BY 1, 2, 3, 4, 5;

CREATE TABLE country_actor_month (
	actor      TEXT COLLATE "C" NOT NULL,
	role       TEXT COLLATE "C" NOT NULL,
	cameo_root TEXT COLLATE "C" NOT NULL,
	month      TEXT COLLATE "C" NOT NULL,
	country    TEXT COLLATE "C" NOT NULL,
	n          BIGINT NOT NULL,
	fatalities BIGINT NOT NULL,
	PRIMARY KEY (actor, role, cameo_root, month, country)
);
INSERT INTO country_actor_month (actor, role, cameo_root, month, country, n, fatalities)
SELECT actor, role, cameo_root, month, country, SUM(n), SUM(fatalities) FROM (
	SELECT source_code AS actor, 'i' AS role, cameo_root, month, country, n, fatalities FROM country_dyad_month
	UNION ALL
	SELECT target_code, 'i', cameo_root, month, country, n, fatalities FROM country_dyad_month
		WHERE target_code <> '' AND target_code <> source_code
	UNION ALL
	SELECT source_code, 's', cameo_root, month, country, n, fatalities FROM country_dyad_month
	UNION ALL
	SELECT target_code, 't', cameo_root, month, country, n, fatalities FROM country_dyad_month WHERE target_code <> ''
) x GROUP BY actor, role, cameo_root, month, country;

CREATE TABLE country_root_month (
	cameo_root TEXT COLLATE "C" NOT NULL,
	month      TEXT COLLATE "C" NOT NULL,
	country    TEXT COLLATE "C" NOT NULL,
	n          BIGINT NOT NULL,
	fatalities BIGINT NOT NULL,
	PRIMARY KEY (cameo_root, month, country)
);
INSERT INTO country_root_month (cameo_root, month, country, n, fatalities)
	SELECT cameo_root, month, country, SUM(n), SUM(fatalities) FROM country_dyad_month GROUP BY cameo_root, month, country;
