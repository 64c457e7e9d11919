-- sitrep SQLite schema, version 1. See package sqlbase for conventions:
-- '' rather than NULL for missing codes, Unix nanosecond times, exact
-- JSON of each fact in a data column.

CREATE TABLE articles (
	seq           INTEGER PRIMARY KEY,
	id            TEXT NOT NULL UNIQUE,
	title         TEXT,
	url           TEXT,
	source        TEXT NOT NULL DEFAULT '',
	pub_date      TEXT,
	pub_precision TEXT,
	pub_source    TEXT NOT NULL,
	pub_evidence  TEXT,
	pub_day       TEXT NOT NULL DEFAULT '',
	body          TEXT NOT NULL,
	duplicate_of  TEXT,
	fingerprint   INTEGER NOT NULL DEFAULT 0,
	fp0 INTEGER NOT NULL, fp1 INTEGER NOT NULL, fp2 INTEGER NOT NULL, fp3 INTEGER NOT NULL,
	ingested_at   INTEGER NOT NULL,
	captions      TEXT NOT NULL,
	subheadings   TEXT NOT NULL,
	warnings      TEXT NOT NULL,
	heading_at    TEXT NOT NULL,
	language      TEXT NOT NULL DEFAULT '',
	n_sentences   INTEGER NOT NULL,
	n_entities    INTEGER NOT NULL,
	n_events      INTEGER NOT NULL
);
CREATE INDEX articles_pub_day ON articles (pub_day);
CREATE INDEX articles_fp0 ON articles (fp0);
CREATE INDEX articles_fp1 ON articles (fp1);
CREATE INDEX articles_fp2 ON articles (fp2);
CREATE INDEX articles_fp3 ON articles (fp3);

-- Contentless: the text lives in articles; the index only answers MATCH.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = '');

CREATE TABLE sentences (
	seq         INTEGER PRIMARY KEY,
	article_seq INTEGER NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	start_off   INTEGER NOT NULL,
	end_off     INTEGER NOT NULL,
	text        TEXT NOT NULL,
	UNIQUE (article_seq, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = '');

CREATE TABLE entities (
	article_seq INTEGER NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	eid         TEXT NOT NULL,
	name        TEXT NOT NULL,
	type        TEXT NOT NULL,
	code        TEXT NOT NULL,
	country     TEXT NOT NULL,
	lat         REAL,
	lon         REAL,
	n_mentions  INTEGER NOT NULL,
	data        TEXT NOT NULL,
	PRIMARY KEY (article_seq, idx)
);
CREATE INDEX entities_name ON entities (name, type, code);
CREATE INDEX entities_code ON entities (code);

CREATE TABLE mentions (
	article_seq INTEGER NOT NULL REFERENCES articles (seq),
	entity_idx  INTEGER NOT NULL,
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	start_off   INTEGER NOT NULL,
	end_off     INTEGER NOT NULL,
	text        TEXT NOT NULL,
	PRIMARY KEY (article_seq, entity_idx, idx)
) WITHOUT ROWID;

CREATE TABLE quantities (
	article_seq INTEGER NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	value       REAL NOT NULL,
	unit        TEXT NOT NULL,
	data        TEXT NOT NULL,
	PRIMARY KEY (article_seq, idx)
);

CREATE TABLE times (
	article_seq INTEGER NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	value       TEXT,
	data        TEXT NOT NULL,
	PRIMARY KEY (article_seq, idx)
);

CREATE TABLE quotes (
	seq          INTEGER PRIMARY KEY,
	article_seq  INTEGER NOT NULL REFERENCES articles (seq),
	idx          INTEGER NOT NULL,
	sentence     INTEGER NOT NULL,
	text         TEXT NOT NULL,
	speaker      TEXT,
	speaker_name TEXT NOT NULL,
	speaker_code TEXT NOT NULL,
	data         TEXT NOT NULL,
	UNIQUE (article_seq, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_name);

CREATE TABLE events (
	seq         INTEGER PRIMARY KEY,
	ekey        TEXT NOT NULL UNIQUE,
	article_seq INTEGER NOT NULL REFERENCES articles (seq),
	article_id  TEXT NOT NULL,
	idx         INTEGER NOT NULL,
	eid         TEXT NOT NULL,
	sent_seq    INTEGER,
	source_code TEXT NOT NULL,
	target_code TEXT NOT NULL,
	cameo       TEXT NOT NULL,
	cameo_root  TEXT NOT NULL,
	quad_class  INTEGER NOT NULL,
	goldstein   REAL NOT NULL,
	modality    TEXT NOT NULL,
	day         TEXT NOT NULL,
	country     TEXT NOT NULL,
	lat         REAL,
	lon         REAL,
	source_name TEXT NOT NULL,
	target_name TEXT NOT NULL,
	cluster     TEXT NOT NULL,
	data        TEXT NOT NULL
);
CREATE INDEX events_day ON events (day, ekey);
CREATE INDEX events_dyad ON events (source_code, target_code, cameo_root, day);
CREATE INDEX events_target ON events (target_code, source_code, day);
CREATE INDEX events_cameo ON events (cameo, day);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_article_seq ON events (article_seq, idx);
CREATE INDEX events_cluster ON events (cluster);

-- One row per (dyad, day, quad class, CAMEO root): timelines read this,
-- not the events.
CREATE TABLE dyad_daily (
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	day           TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	cameo_root    TEXT NOT NULL,
	n             INTEGER NOT NULL,
	goldstein_sum REAL NOT NULL,
	PRIMARY KEY (source_code, target_code, day, quad_class, cameo_root)
) WITHOUT ROWID;
CREATE INDEX dyad_daily_target ON dyad_daily (target_code, source_code, day, quad_class, cameo_root, n, goldstein_sum);

-- The same aggregates with actor codes cut to their first three
-- characters (the country or IGO part): timelines between countries read
-- one row where dyad_daily has one per pair of sectors.
CREATE TABLE dyad_daily_cc (
	source_code   TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	day           TEXT NOT NULL,
	quad_class    INTEGER NOT NULL,
	cameo_root    TEXT NOT NULL,
	n             INTEGER NOT NULL,
	goldstein_sum REAL NOT NULL,
	PRIMARY KEY (source_code, target_code, day, quad_class, cameo_root)
) WITHOUT ROWID;
CREATE INDEX dyad_daily_cc_target ON dyad_daily_cc (target_code, source_code, day, quad_class, cameo_root, n, goldstein_sum);

-- Merged real-world events, maintained on insert so that listing them
-- doesn't group all events: id is the key of the first report, day its
-- day.
CREATE TABLE clusters (
	id       TEXT PRIMARY KEY,
	day      TEXT NOT NULL,
	reports  BIGINT NOT NULL,
	articles BIGINT NOT NULL
) WITHOUT ROWID;
CREATE INDEX clusters_day ON clusters (day, id);

CREATE TABLE cluster_modalities (
	cluster  TEXT NOT NULL,
	modality TEXT NOT NULL,
	PRIMARY KEY (cluster, modality)
) WITHOUT ROWID;

-- Every actor code seen in an event. Prefix filters ("RUS" matches
-- RUSGOV, RUSMIL, ...) expand to the few matching codes through this
-- table, so that the dyad indexes are probed per code, source and target
-- ranges both used, instead of scanning everything under the prefix.
CREATE TABLE actor_codes (
	code TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE alert_rules (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	source      TEXT NOT NULL,
	target      TEXT NOT NULL,
	code        TEXT NOT NULL,
	k           REAL NOT NULL,
	window_days INTEGER NOT NULL,
	webhook     TEXT NOT NULL,
	created     INTEGER NOT NULL
);

CREATE TABLE alerts (
	id        INTEGER PRIMARY KEY,
	rule_id   INTEGER NOT NULL,
	rule_name TEXT NOT NULL,
	fired_at  INTEGER NOT NULL,
	message   TEXT NOT NULL,
	event_key TEXT NOT NULL
);
