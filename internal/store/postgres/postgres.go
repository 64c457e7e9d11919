package postgres

import (
	"context"
	"embed"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlbase"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Options tune the PostgreSQL store.
type Options struct {
	// Schema holds sitrep's tables; it is created when missing. ""
	// uses the connection's default search_path (normally public).
	Schema string
	// MaxConns bounds the pool; 0 keeps pgxpool's default.
	MaxConns int32
	// Now stamps ingest and alert times; time.Now when nil.
	Now func() time.Time
}

// DefaultOptions returns the options sitrep uses.
func DefaultOptions() Options { return Options{} }

// Store is the PostgreSQL implementation of store.Store.
type Store struct {
	*sqlbase.Base
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// Open connects to dsn (a postgres:// URL or key=value string), creates
// opts.Schema if needed and migrates it.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	if opts.Schema != "" {
		if err := createSchema(ctx, cfg.ConnConfig, opts.Schema); err != nil {
			return nil, err
		}
		cfg.ConnConfig.RuntimeParams["search_path"] = pgx.Identifier{opts.Schema}.Sanitize()
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &Store{Base: &sqlbase.Base{DB: pgDB{pool}, D: Dialect(), Now: opts.Now}, pool: pool}
	ms, err := sqlbase.LoadMigrations(migrationFS, "migrations")
	if err != nil {
		pool.Close()
		return nil, err
	}
	if err := sqlbase.Migrate(ctx, s.DB, s.D, ms); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
}

func createSchema(ctx context.Context, cc *pgx.ConnConfig, schema string) error {
	conn, err := pgx.ConnectConfig(ctx, cc)
	if err != nil {
		return fmt.Errorf("open postgres: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{schema}.Sanitize()); err != nil {
		return fmt.Errorf("create schema %s: %w", schema, err)
	}
	return nil
}

// Close closes the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Optimize gathers planner statistics (ANALYZE); worth running after a
// bulk load.
func (s *Store) Optimize(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

// Pool exposes the connection pool (for tools and tests).
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// BulkInsertEvents stores events fast for benchmarks; see
// sqlbase.Base.BulkInsertEvents.
func (s *Store) BulkInsertEvents(ctx context.Context, articleID string, events []model.Event) error {
	return s.Base.BulkInsertEvents(ctx, articleID, events)
}

// BulkInsertEventFacts stores events and the facts an article would
// give them fast, for benchmarks; see sqlbase.Base.BulkInsertEventFacts.
func (s *Store) BulkInsertEventFacts(ctx context.Context, articleID string, events []model.Event, facts []store.EventFacts) error {
	return s.Base.BulkInsertEventFacts(ctx, articleID, events, facts)
}

// Dialect is PostgreSQL's SQL: generated tsvector columns with GIN
// indexes, string_agg, and an advisory lock around migrations.
func Dialect() sqlbase.Dialect {
	return sqlbase.Dialect{
		LockClusters: func(ctx context.Context, q sqlbase.Querier, keys []int64) error {
			// One-key advisory locks: a key space apart from the
			// two-key migration lock. Queued statements run in order.
			for _, k := range keys {
				if err := q.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, k); err != nil {
					return err
				}
			}
			return nil
		},
		Name: "postgres",
		SecondaryIndexes: `SELECT i.relname::text, pg_get_indexdef(i.oid) FROM pg_index x
			JOIN pg_class i ON i.oid = x.indexrelid
			JOIN pg_class t ON t.oid = x.indrelid
			WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN (%s)
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
			ORDER BY i.relname`,
		BoxSeqs: func(minLat, maxLat, minLon, maxLon string) string {
			// The GiST index events_geo of migration 0020.
			return "SELECT seq FROM events WHERE point(lon, lat) <@ box(point(" + minLon + "::float8, " + minLat +
				"::float8), point(" + maxLon + "::float8, " + maxLat + "::float8))"
		},
		ArticleText: func(p string) string {
			return "a.tsv @@ plainto_tsquery('simple', " + p + ")"
		},
		SentenceText: func(p string) string {
			return "e.sent_seq IN (SELECT seq FROM sentences WHERE tsv @@ plainto_tsquery('simple', " + p + "))"
		},
		TextArg: func(terms []string) string {
			q := ""
			for i, t := range terms {
				if i > 0 {
					q += " "
				}
				q += t
			}
			return q
		},
		InSubquery: func(col, sub string) string {
			// An array from an InitPlan lets the btree scan probe each
			// code; "IN (subquery)" would hash-join over a full scan.
			return col + " = ANY(ARRAY(" + sub + "))"
		},
		StringAggDistinct: func(expr string) string { return "string_agg(DISTINCT " + expr + ", ',')" },
		LockMigrations: func(ctx context.Context, q sqlbase.Querier) error {
			// One lock per schema: tests migrate their own schemas in
			// parallel.
			return q.Exec(ctx, `SELECT pg_advisory_xact_lock(7413, hashtext(current_schema()))`)
		},
	}
}

// pgDB adapts pgxpool to sqlbase.DB; pgx.Rows already is a sqlbase.Rows.
type pgDB struct{ p *pgxpool.Pool }

func (d pgDB) Exec(ctx context.Context, q string, args ...any) error {
	_, err := d.p.Exec(ctx, q, args...)
	return err
}

func (d pgDB) Query(ctx context.Context, q string, args ...any) (sqlbase.Rows, error) {
	return d.p.Query(ctx, q, args...)
}

func (d pgDB) Begin(ctx context.Context) (sqlbase.Tx, error) {
	tx, err := d.p.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return &pgTx{tx: tx}, nil
}

// pgTx queues the statements of a transaction that return nothing and
// sends them in one round trip (a pgx batch) before the next query or
// the commit: PutArticle's hundred-odd inserts cost a few round trips,
// not a hundred. An error of a queued statement fails the flush, which
// fails the transaction as it would have anyway.
type pgTx struct {
	tx      pgx.Tx
	pending pgx.Batch
}

// maxPending bounds the queue so that a huge article doesn't hold an
// unbounded batch in memory.
const maxPending = 500

func (t *pgTx) Exec(ctx context.Context, q string, args ...any) error {
	if len(args) == 0 {
		// Possibly several statements (a migration): those need the
		// simple protocol, which batches don't use.
		if err := t.flush(ctx); err != nil {
			return err
		}
		_, err := t.tx.Exec(ctx, q)
		return err
	}
	t.pending.Queue(q, args...)
	if t.pending.Len() >= maxPending {
		return t.flush(ctx)
	}
	return nil
}

func (t *pgTx) flush(ctx context.Context) error {
	if t.pending.Len() == 0 {
		return nil
	}
	b := t.pending
	t.pending = pgx.Batch{}
	return t.tx.SendBatch(ctx, &b).Close()
}

func (t *pgTx) Query(ctx context.Context, q string, args ...any) (sqlbase.Rows, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	return t.tx.Query(ctx, q, args...)
}

func (t *pgTx) Commit(ctx context.Context) error {
	if err := t.flush(ctx); err != nil {
		return err
	}
	return t.tx.Commit(ctx)
}

func (t *pgTx) Rollback(ctx context.Context) error {
	t.pending = pgx.Batch{}
	return t.tx.Rollback(ctx)
}
