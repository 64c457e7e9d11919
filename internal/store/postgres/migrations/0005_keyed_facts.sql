-- SQLite's 0005 rebuilds entities, quantities and times as WITHOUT
-- ROWID tables. PostgreSQL has no rowid: nothing to change; the number
-- keeps both schemas at the same version.
SELECT 1;
