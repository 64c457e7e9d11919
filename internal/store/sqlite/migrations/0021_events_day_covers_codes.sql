-- A CAMEO filter over many events (events/code-19/since-2024) is read in
-- date order through events_day, and its capped count (see dense) too:
-- each event read looked its root up in the table, hundreds of
-- milliseconds at a million events. events_day carries the root and the
-- code as well, so both walk the index alone until a page is found.
DROP INDEX events_day;
CREATE INDEX events_day ON events (day, ekey, source_code, target_code, goldstein, cameo_root, cameo);
