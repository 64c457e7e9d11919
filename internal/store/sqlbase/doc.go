// Package sqlbase is the SQL implementation of store.Store shared by the
// sqlite and postgres stores. Both speak the same SQL for almost
// everything (numbered $N parameters, INSERT ... ON CONFLICT,
// RETURNING, row-value comparisons); the few differences — full-text
// search, string aggregation, how to probe an index with a list from a
// subquery, migration locking — are a Dialect. The stores adapt their
// driver to DB and embed Base.
//
// Schema conventions shared by both dialects: a missing target or
// location country is stored as the empty string (not NULL) so that
// equality and range scans over codes need no NULL handling; times are
// Unix nanoseconds; facts whose JSON must round-trip exactly (entities
// with their mentions, quantities, times, quotes, events) keep their JSON
// in a data column next to the indexed columns the filters use.
//
// Derived tables, all written in PutArticle's transaction:
//   - dyad_daily: events per (source code, target code, day, quad class,
//     CAMEO root), and dyad_daily_cc, the same with codes cut to their
//     country part; actor_daily_cc: the same per country and role
//     (source, target, both). Timelines read these, never the events
//     (except for a CAMEO prefix finer than the root).
//   - actor_codes: every code seen, so that a prefix such as "RUS"
//     expands to RUS, RUSGOV, RUSMIL... and the (source, target) indexes
//     are probed per code with both ranges usable.
//   - country_day and country_total count events by location country
//     (the choropleth); country_dyad, country_actor and country_root the
//     same per country-level dyad, actor view and CAMEO root, for the
//     choropleth with those filters (countrySummed).
//   - a spatial index of the events' points (Dialect.BoxSeqs: an R*Tree
//     filled by a trigger in SQLite, a GiST index in PostgreSQL), which a
//     sparse map box reads (sparseBox).
//   - clusters: one row per real-world event with its first report's
//     dyad, counts and modalities (a bit set), so that a new report finds
//     its cluster by index and the unfiltered cluster listing is a
//     keyset scan.
//
// Writes: rows go in as multi-row INSERTs in a few fixed shapes; the
// SQLite store prepares each shape once per transaction and adds the
// transaction's text to FTS5 in one statement before commit.
//
// Near-duplicates: the 64-bit fingerprint is also stored as four 16-bit
// bands, each indexed. Two fingerprints at most 3 bits apart agree on at
// least one band, so for maxDistance <= 3 NearDuplicate checks only the
// articles sharing a band; beyond that it scans all fingerprints (fine
// up to about a million articles).
//
// Paging: cursors encode the sort key of the last row (store.EncodeCursor),
// so pages stay stable while rows are inserted.
package sqlbase
