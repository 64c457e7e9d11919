-- The stats line (every dashboard page, the network's cache key) counted
-- every stored row, tens of milliseconds at millions of events: the
-- counts are kept on write instead, one row per table, filled here from
-- what is stored.
CREATE TABLE store_counts (
	name TEXT NOT NULL PRIMARY KEY,
	n    BIGINT NOT NULL
);
INSERT INTO store_counts (name, n) SELECT 'alerts', COUNT(*) FROM alerts;
INSERT INTO store_counts (name, n) SELECT 'articles', COUNT(*) FROM articles;
INSERT INTO store_counts (name, n) SELECT 'entities', COUNT(*) FROM entities;
INSERT INTO store_counts (name, n) SELECT 'events', COUNT(*) FROM events;
INSERT INTO store_counts (name, n) SELECT 'quotes', COUNT(*) FROM quotes;
