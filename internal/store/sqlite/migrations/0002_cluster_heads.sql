-- Clusters remember the dyad, CAMEO root and country of their first
-- report, so that a new report finds its cluster through clusters_dyad
-- (a handful of rows per dyad and week) instead of scanning every event
-- of a busy dyad. A report joins a cluster only within the window around
-- the cluster's first report, so a daily shelling campaign does not
-- chain into one event that never ends.
ALTER TABLE clusters ADD COLUMN source_code TEXT NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN target_code TEXT NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN cameo_root TEXT NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN article_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clusters ADD COLUMN idx INTEGER NOT NULL DEFAULT 0;
UPDATE clusters SET source_code = e.source_code, target_code = e.target_code, cameo_root = e.cameo_root,
	country = e.country, article_seq = e.article_seq, idx = e.idx
	FROM events e WHERE e.ekey = clusters.id;
CREATE INDEX clusters_dyad ON clusters (source_code, target_code, cameo_root, day);

-- Events of one article are found through events_article_seq; a second
-- index on the article id cost every insert and served no query.
DROP INDEX events_article;
