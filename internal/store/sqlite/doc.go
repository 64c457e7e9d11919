// Package sqlite is sitrep's embedded store: one SQLite file (pure Go,
// modernc.org/sqlite) in WAL mode with a busy timeout, foreign keys and
// IMMEDIATE write transactions, FTS5 contentless indexes over article
// titles and bodies and over sentences. It implements store.Store through
// package sqlbase and applies the numbered migrations in migrations/
// (one transaction each, recorded in schema_migrations) when it opens a
// file; a file written by a newer sitrep is refused.
package sqlite
