-- sitrep PostgreSQL schema, version 1. Same tables as the SQLite store
-- (see package sqlbase for conventions). Sortable text uses the "C"
-- collation so that keyset cursors and prefix ranges compare bytes,
-- exactly like SQLite and Go.

CREATE TABLE articles (
	seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id            TEXT COLLATE "C" NOT NULL UNIQUE,
	title         TEXT,
	url           TEXT,
	source        TEXT NOT NULL DEFAULT '',
	pub_date      TEXT,
	pub_precision TEXT,
	pub_source    TEXT NOT NULL,
	pub_evidence  TEXT,
	pub_day       TEXT COLLATE "C" NOT NULL DEFAULT '',
	body          TEXT NOT NULL,
	duplicate_of  TEXT,
	fingerprint   BIGINT NOT NULL DEFAULT 0,
	fp0 INTEGER NOT NULL, fp1 INTEGER NOT NULL, fp2 INTEGER NOT NULL, fp3 INTEGER NOT NULL,
	ingested_at   BIGINT NOT NULL,
	captions      TEXT NOT NULL,
	subheadings   TEXT NOT NULL,
	warnings      TEXT NOT NULL,
	heading_at    TEXT NOT NULL,
	language      TEXT NOT NULL DEFAULT '',
	n_sentences   INTEGER NOT NULL,
	n_entities    INTEGER NOT NULL,
	n_events      INTEGER NOT NULL,
	-- 'simple': no stemming, like SQLite's unicode61 tokenizer. The
	-- prefix bound keeps huge bodies under the 1 MB tsvector limit.
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', left(coalesce(title, '') || ' ' || body, 400000))) STORED
);
CREATE INDEX articles_pub_day ON articles (pub_day);
CREATE INDEX articles_fp0 ON articles (fp0);
CREATE INDEX articles_fp1 ON articles (fp1);
CREATE INDEX articles_fp2 ON articles (fp2);
CREATE INDEX articles_fp3 ON articles (fp3);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE sentences (
	seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article_seq BIGINT NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	start_off   INTEGER NOT NULL,
	end_off     INTEGER NOT NULL,
	text        TEXT NOT NULL,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', left(text, 400000))) STORED,
	UNIQUE (article_seq, idx)
);
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);

CREATE TABLE entities (
	article_seq BIGINT NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	eid         TEXT NOT NULL,
	name        TEXT COLLATE "C" NOT NULL,
	type        TEXT COLLATE "C" NOT NULL,
	code        TEXT COLLATE "C" NOT NULL,
	country     TEXT NOT NULL,
	lat         DOUBLE PRECISION,
	lon         DOUBLE PRECISION,
	n_mentions  INTEGER NOT NULL,
	data        TEXT NOT NULL,
	PRIMARY KEY (article_seq, idx)
);
CREATE INDEX entities_name ON entities (name, type, code);
CREATE INDEX entities_code ON entities (code);

CREATE TABLE mentions (
	article_seq BIGINT NOT NULL REFERENCES articles (seq),
	entity_idx  INTEGER NOT NULL,
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	start_off   INTEGER NOT NULL,
	end_off     INTEGER NOT NULL,
	text        TEXT NOT NULL,
	PRIMARY KEY (article_seq, entity_idx, idx)
);

CREATE TABLE quantities (
	article_seq BIGINT NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	value       DOUBLE PRECISION NOT NULL,
	unit        TEXT NOT NULL,
	data        TEXT NOT NULL,
	PRIMARY KEY (article_seq, idx)
);

CREATE TABLE times (
	article_seq BIGINT NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	value       TEXT,
	data        TEXT NOT NULL,
	PRIMARY KEY (article_seq, idx)
);

CREATE TABLE quotes (
	seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article_seq  BIGINT NOT NULL REFERENCES articles (seq),
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
	seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	ekey        TEXT COLLATE "C" NOT NULL UNIQUE,
	article_seq BIGINT NOT NULL REFERENCES articles (seq),
	article_id  TEXT COLLATE "C" NOT NULL,
	idx         INTEGER NOT NULL,
	eid         TEXT NOT NULL,
	sent_seq    BIGINT,
	source_code TEXT COLLATE "C" NOT NULL,
	target_code TEXT COLLATE "C" NOT NULL,
	cameo       TEXT COLLATE "C" NOT NULL,
	cameo_root  TEXT COLLATE "C" NOT NULL,
	quad_class  INTEGER NOT NULL,
	goldstein   DOUBLE PRECISION NOT NULL,
	modality    TEXT COLLATE "C" NOT NULL,
	day         TEXT COLLATE "C" NOT NULL,
	country     TEXT COLLATE "C" NOT NULL,
	lat         DOUBLE PRECISION,
	lon         DOUBLE PRECISION,
	source_name TEXT NOT NULL,
	target_name TEXT NOT NULL,
	cluster     TEXT COLLATE "C" NOT NULL,
	data        TEXT NOT NULL
);
CREATE INDEX events_day ON events (day, ekey);
CREATE INDEX events_dyad ON events (source_code, target_code, cameo_root, day);
CREATE INDEX events_target ON events (target_code, source_code, day);
CREATE INDEX events_cameo ON events (cameo, day);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_article_seq ON events (article_seq, idx);
CREATE INDEX events_cluster ON events (cluster);

CREATE TABLE dyad_daily (
	source_code   TEXT COLLATE "C" NOT NULL,
	target_code   TEXT COLLATE "C" NOT NULL,
	day           TEXT COLLATE "C" NOT NULL,
	quad_class    INTEGER NOT NULL,
	cameo_root    TEXT COLLATE "C" NOT NULL,
	n             BIGINT NOT NULL,
	goldstein_sum DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (source_code, target_code, day, quad_class, cameo_root)
);
CREATE INDEX dyad_daily_target ON dyad_daily (target_code, source_code, day) INCLUDE (quad_class, cameo_root, n, goldstein_sum);

-- The same aggregates with actor codes cut to their first three
-- characters (the country or IGO part): timelines between countries read
-- one row where dyad_daily has one per pair of sectors.
CREATE TABLE dyad_daily_cc (
	source_code   TEXT COLLATE "C" NOT NULL,
	target_code   TEXT COLLATE "C" NOT NULL,
	day           TEXT COLLATE "C" NOT NULL,
	quad_class    INTEGER NOT NULL,
	cameo_root    TEXT COLLATE "C" NOT NULL,
	n             BIGINT NOT NULL,
	goldstein_sum DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (source_code, target_code, day, quad_class, cameo_root)
);
CREATE INDEX dyad_daily_cc_target ON dyad_daily_cc (target_code, source_code, day) INCLUDE (quad_class, cameo_root, n, goldstein_sum);

-- Merged real-world events, maintained on insert so that listing them
-- doesn't group all events: id is the key of the first report, day its
-- day.
CREATE TABLE clusters (
	id       TEXT COLLATE "C" PRIMARY KEY,
	day      TEXT COLLATE "C" NOT NULL,
	reports  BIGINT NOT NULL,
	articles BIGINT NOT NULL
);
CREATE INDEX clusters_day ON clusters (day, id);

CREATE TABLE cluster_modalities (
	cluster  TEXT COLLATE "C" NOT NULL,
	modality TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (cluster, modality)
);

-- Every actor code seen in an event. Prefix filters ("RUS" matches
-- RUSGOV, RUSMIL, ...) expand to the few matching codes through this
-- table, so that the dyad indexes are probed per code, source and target
-- ranges both used, instead of scanning everything under the prefix.
CREATE TABLE actor_codes (
	code TEXT COLLATE "C" PRIMARY KEY
);

CREATE TABLE alert_rules (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	source      TEXT NOT NULL,
	target      TEXT NOT NULL,
	code        TEXT NOT NULL,
	k           DOUBLE PRECISION NOT NULL,
	window_days INTEGER NOT NULL,
	webhook     TEXT NOT NULL,
	created     BIGINT NOT NULL
);

CREATE TABLE alerts (
	id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	rule_id   BIGINT NOT NULL,
	rule_name TEXT NOT NULL,
	fired_at  BIGINT NOT NULL,
	message   TEXT NOT NULL,
	event_key TEXT NOT NULL
);
