-- events_dyad carries the full CAMEO code, quad class and Goldstein
-- score after (source, target, root, day): a timeline for a code finer
-- than the root (dyad_daily stops at roots) reads the index alone
-- instead of fetching every event of the dyad from the table (a second
-- at ten million events became milliseconds), and listings keep their
-- day order within a root.
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events (source_code, target_code, cameo_root, day, cameo, quad_class, goldstein);
