-- SQLite's 0009 narrows its article full-text index to titles (the
-- body is searched through the sentences). PostgreSQL's articles.tsv
-- is a generated column PostgreSQL maintains itself: nothing to change;
-- the number keeps both schemas at the same version.
SELECT 1;
