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

// Querier runs statements with $N parameters.
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
	// full-text query held by parameter p.
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
	// IndexArticle and IndexSentence add text to a separate full-text
	// index; nil when the database indexes generated columns itself.
	IndexArticle  func(ctx context.Context, q Querier, seq int64, title, body string) error
	IndexSentence func(ctx context.Context, q Querier, seq int64, text string) error
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
