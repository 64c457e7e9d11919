// Package sqlbase is the SQL implementation of store.Store shared by the
// sqlite and postgres stores. Both speak the same SQL for almost
// everything (numbered $N parameters, INSERT ... ON CONFLICT,
// RETURNING, row-value comparisons); the few differences — full-text
// search, string aggregation, migration locking — are a Dialect. The
// stores adapt their driver to DB and embed Base.
//
// Schema notes shared by both dialects: a missing target or location
// country is stored as '' (not NULL) so that equality and range scans
// over codes need no NULL handling; times are Unix nanoseconds; facts
// whose JSON must round-trip exactly (entities, quantities, times,
// quotes, events) keep their JSON in a data column next to the indexed
// columns the filters use.
package sqlbase
