// Package store defines sitrep's storage contract (Store) and the types
// its queries return. Implementations live in sub-packages: sqlite (the
// embedded default, one file, FTS5) and postgres (pgx, for scale-out);
// storetest is the behaviour suite both must pass.
package store
