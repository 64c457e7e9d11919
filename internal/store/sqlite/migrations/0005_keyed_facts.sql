-- Entities, quantities and times are always read by (article_seq,
-- idx): keyed by it directly (WITHOUT ROWID) instead of a rowid table
-- plus an index on the same key, one B-tree fewer per row written.

CREATE TABLE entities_new (
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
) WITHOUT ROWID;
INSERT INTO entities_new SELECT * FROM entities;
DROP TABLE entities;
ALTER TABLE entities_new RENAME TO entities;

CREATE TABLE quantities_new (
	article_seq INTEGER NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	value       REAL NOT NULL,
	unit        TEXT NOT NULL,
	data        TEXT NOT NULL,
	PRIMARY KEY (article_seq, idx)
) WITHOUT ROWID;
INSERT INTO quantities_new SELECT * FROM quantities;
DROP TABLE quantities;
ALTER TABLE quantities_new RENAME TO quantities;

CREATE TABLE times_new (
	article_seq INTEGER NOT NULL REFERENCES articles (seq),
	idx         INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	value       TEXT,
	data        TEXT NOT NULL,
	PRIMARY KEY (article_seq, idx)
) WITHOUT ROWID;
INSERT INTO times_new SELECT * FROM times;
DROP TABLE times;
ALTER TABLE times_new RENAME TO times;
CREATE INDEX entities_name ON entities (name, type, code);
CREATE INDEX entities_code ON entities (code);
