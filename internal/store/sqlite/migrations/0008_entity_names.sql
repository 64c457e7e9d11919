-- entity_names holds what the entity listing shows, one row per (name,
-- type, code), updated as articles are stored. It replaces two indexes
-- on entities that every stored entity had to enter (a fifth of an
-- article's index work) and that the listing then had to group.
CREATE TABLE entity_names (
	name     TEXT NOT NULL,
	type     TEXT NOT NULL,
	code     TEXT NOT NULL,
	country  TEXT NOT NULL,
	lat      REAL,
	lon      REAL,
	articles BIGINT NOT NULL,
	mentions BIGINT NOT NULL,
	PRIMARY KEY (name, type, code)
) WITHOUT ROWID;

INSERT INTO entity_names (name, type, code, country, lat, lon, articles, mentions)
	SELECT name, type, code, MAX(country), MAX(lat), MAX(lon), COUNT(DISTINCT article_seq), SUM(n_mentions)
	FROM entities GROUP BY name, type, code;

CREATE INDEX entity_names_code ON entity_names (code);

DROP INDEX entities_name;
DROP INDEX entities_code;
