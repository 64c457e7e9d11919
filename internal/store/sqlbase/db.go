package sqlbase

import (
	"context"
)

// Rows is a result set, as both database/sql and pgx provide it. After
// Close, Err reports any error of the statement (pgx reports constraint
// violations of INSERT ... RETURNING only then).
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Querier runs statements with $N parameters. Exec may queue its
// statement until the next Query or Commit (the PostgreSQL transaction
// batches them), keeping args: callers must not reuse args's backing
// array after Exec.
type Querier interface {
	Exec(ctx context.Context, sql string, args ...any) error
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
}

// Tx is a transaction.
type Tx interface {
	Querier
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

// DB is a connection pool.
type DB interface {
	Querier
	Begin(ctx context.Context) (Tx, error)
}

// Dialect holds the SQL that differs between the databases.
type Dialect struct {
	// Name is "sqlite" or "postgres", for error messages.
	Name string
	// ArticleText is a condition on articles alias a matching the
	// full-text query held by parameter p, one word (Articles ANDs one
	// per word, so an index may hold the title and the sentences apart).
	ArticleText func(p string) string
	// SentenceText is a condition on events alias e whose sentence
	// matches the full-text query held by parameter p.
	SentenceText func(p string) string
	// InSubquery is a condition that col is one of the values sub (a
	// SELECT of one column) returns, phrased so the planner probes an
	// index per value; nil means "col IN (sub)".
	InSubquery func(col, sub string) string
	// TextArg turns query words into the parameter value.
	TextArg func(terms []string) string
	// StringAggDistinct aggregates the distinct values of expr into one
	// comma-separated string.
	StringAggDistinct func(expr string) string
	// IndexText adds the articles and sentences a transaction stored
	// (seq ranges, inclusive; lo > hi when none) to a separate full-text
	// index, once before commit; nil when the database indexes generated
	// columns itself. Once, because SQLite's FTS5 flushes its pending
	// terms whenever a later statement opens a savepoint: indexing row
	// by row wrote a tiny index segment per sentence.
	IndexText func(ctx context.Context, q Querier, articles, sentences SeqRange) error
	// DayOrder is a table hint that makes the planner read events
	// alias e in (day, key) order, filtering as it goes; "" when the
	// planner weighs that itself (PostgreSQL, from its statistics).
	DayOrder string
	// CountryOrder is the same for events of one location country
	// (index events_country), "" when the planner weighs it.
	CountryOrder string
	// PairOrder makes the planner read one (source, target) code pair's
	// events of alias e in date order (index events_target), stopping at
	// the page's end, where it may gather a busy pair's events through
	// events_dyad and sort them all; "" when the planner weighs it.
	PairOrder string
	// ClusterDayOrder makes the planner read clusters alias c in (day,
	// id) order, filtering as it goes; "" when the planner weighs it.
	ClusterDayOrder string
	// LockClusters takes transaction-scoped locks on the given keys (in
	// the order given, which is sorted), so that two writers storing
	// reports of the same new event one after the other find one
	// cluster, not two; nil when writers are serialised anyway.
	LockClusters func(ctx context.Context, q Querier, keys []int64) error
	// BoxSeqs is a query of the seqs of the events whose point may lie
	// in the box given by the parameters minLat, maxLat, minLon, maxLon,
	// through a spatial index (a superset is fine: the exact condition is
	// checked on the event); nil without one.
	BoxSeqs func(minLat, maxLat, minLon, maxLon string) string
	// SecondaryIndexes is a query of the name and the CREATE statement
	// of every index of the tables listed by %s (quoted names, comma
	// separated) that no constraint needs: what a bulk load drops and
	// builds again (see BeginBulkLoad).
	SecondaryIndexes string
	// LockMigrations serialises migrations of concurrent processes
	// inside the migration transaction; nil when Begin already does.
	LockMigrations func(ctx context.Context, q Querier) error
}

// queryRow runs a query expected to return at most one row and scans it
// into dest. It reports whether there was a row.
func queryRow(ctx context.Context, q Querier, sql string, args []any, dest ...any) (bool, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return false, err
	}
	found := rows.Next()
	if found {
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return false, err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	return found, nil
}

// SeqRange is an inclusive range of row sequence numbers.
type SeqRange struct{ Lo, Hi int64 }

// Empty reports whether the range holds no row.
func (r SeqRange) Empty() bool { return r.Lo > r.Hi || r.Hi == 0 }

// add widens r to hold seq.
func (r *SeqRange) add(seq int64) {
	if r.Hi == 0 || seq < r.Lo {
		r.Lo = seq
	}
	r.Hi = max(r.Hi, seq)
}
