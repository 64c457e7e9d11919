// Package postgres is sitrep's scale-out store: PostgreSQL through a
// pgx connection pool, with tsvector/GIN full-text search ('simple'
// configuration, like SQLite's FTS5 tokenizer). It implements
// store.Store through package sqlbase, so it behaves exactly like the
// SQLite store, and it is safe for many workers writing at once:
// INSERT ... ON CONFLICT stores an article exactly once however many
// workers put it, and aggregates are updated in a fixed key order so
// concurrent writers don't deadlock. Migrations run under an advisory
// lock per schema.
//
// Each commit waits for the WAL flush; workers that can afford to lose
// the last moments of work in a server crash (not consistency) can add
// synchronous_commit=off to the DSN, about 3x faster ingest here.
package postgres
