-- A cluster's reports share its first report's source, target and CAMEO
-- root, so the clusters of a dyad are the clusters whose head has its
-- codes: clusters_pair hands out each (source, target) pair's clusters
-- in listing order (day, then id, the key of this table), and a dyad's
-- first page merges the first rows of each pair instead of walking the
-- dyad's events, a lookup per event for its key.
CREATE INDEX clusters_pair ON clusters (source_code, target_code, day);
