package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers driver "sqlite"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlbase"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Options tune the SQLite store.
type Options struct {
	// BusyTimeout is how long a writer waits for another one to finish.
	BusyTimeout time.Duration
	// MaxOpenConns bounds the connection pool (readers run in parallel
	// in WAL mode; writers take turns).
	MaxOpenConns int
	// Synchronous is the PRAGMA synchronous level; NORMAL is durable
	// across application crashes in WAL mode and much faster than FULL.
	Synchronous string
	// CacheKiB is the page cache per connection; large transactions
	// spill to disk when it is too small.
	CacheKiB int
	// CheckpointPages is how many pages the write-ahead log may hold
	// before SQLite copies them into the database file. SQLite's 1,000
	// copies the same index pages over and over while articles stream in;
	// 10,000 (about 40 MB of log) stored articles 30% faster here.
	CheckpointPages int
	// Now stamps ingest and alert times; time.Now when nil.
	Now func() time.Time
	// MustExist makes Open fail with store.ErrNoDatabase instead of
	// creating a missing file: read commands must not leave an empty
	// database behind a mistyped --db.
	MustExist bool
}

// DefaultOptions returns the options sitrep uses.
func DefaultOptions() Options {
	return Options{BusyTimeout: 10 * time.Second, MaxOpenConns: 4, Synchronous: "NORMAL", CacheKiB: 64 << 10,
		CheckpointPages: 10_000}
}

// Store is the SQLite implementation of store.Store.
type Store struct {
	*sqlbase.Base
	db *sql.DB
	cs *connStmts
}

var _ store.Store = (*Store)(nil)

// Open opens (creating it if needed) the database file at path and
// migrates its schema.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	def := DefaultOptions()
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = def.BusyTimeout
	}
	if opts.MaxOpenConns <= 0 {
		opts.MaxOpenConns = def.MaxOpenConns
	}
	if opts.Synchronous == "" {
		opts.Synchronous = def.Synchronous
	}
	if opts.CacheKiB <= 0 {
		opts.CacheKiB = def.CacheKiB
	}
	if opts.CheckpointPages <= 0 {
		opts.CheckpointPages = def.CheckpointPages
	}
	if err := checkFile(path, opts.MustExist); err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.FormatInt(opts.BusyTimeout.Milliseconds(), 10)+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous("+opts.Synchronous+")")
	q.Add("_pragma", "cache_size(-"+strconv.Itoa(opts.CacheKiB)+")")
	q.Add("_pragma", "wal_autocheckpoint("+strconv.Itoa(opts.CheckpointPages)+")")
	// Multi-row INSERTs keep a statement journal so that a failing row
	// undoes its statement; in memory, not a temporary file written
	// page by page.
	q.Add("_pragma", "temp_store(MEMORY)")
	// IMMEDIATE takes the write lock at BEGIN, so two writers never both
	// read and then fail to upgrade (SQLITE_BUSY that busy_timeout
	// cannot resolve).
	q.Set("_txlock", "immediate")
	// A file: URI, percent-escaped, so that any path works and the
	// driver's parameters can't be confused with it.
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	db, err := sql.Open("sqlite", "file:"+esc+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	db.SetMaxOpenConns(opts.MaxOpenConns)
	db.SetMaxIdleConns(opts.MaxOpenConns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	cs := &connStmts{}
	s := &Store{Base: &sqlbase.Base{DB: sqlDB{db, &sqlCache{}, cs}, D: Dialect(), Now: opts.Now}, db: db, cs: cs}
	ms, err := sqlbase.LoadMigrations(migrationFS, "migrations")
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := sqlbase.Migrate(ctx, s.DB, s.D, ms); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database, first letting SQLite refresh the planner
// statistics it finds stale.
func (s *Store) Close() error {
	_, _ = s.db.Exec("PRAGMA optimize")
	s.cs.closeAll()
	return s.db.Close()
}

// Optimize gathers planner statistics (ANALYZE); worth running after a
// bulk load, so that queries pick the right index.
func (s *Store) Optimize(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

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

// Dialect is SQLite's SQL: FTS5 contentless tables keyed by rowid.
func Dialect() sqlbase.Dialect {
	return sqlbase.Dialect{
		Name:            "sqlite",
		DayOrder:        "INDEXED BY events_day",
		CountryOrder:    "INDEXED BY events_country",
		PairOrder:       "INDEXED BY events_target",
		ClusterDayOrder: "INDEXED BY clusters_day",
		// Indexes of UNIQUE and PRIMARY KEY constraints have no sql.
		SecondaryIndexes: `SELECT name, sql FROM sqlite_master
			WHERE type = 'index' AND tbl_name IN (%s) AND sql IS NOT NULL ORDER BY name`,
		ArticleText: func(p string) string {
			// articles_fts holds titles; the body is in sentences_fts,
			// whose sentences cover it (see migration 0009).
			return "(a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + p + ")" +
				" OR a.seq IN (SELECT s.article_seq FROM sentences s WHERE s.seq IN" +
				" (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH " + p + ")))"
		},
		SentenceText: func(p string) string {
			return "e.sent_seq IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH " + p + ")"
		},
		TextArg: func(terms []string) string {
			// Each word as a quoted FTS5 string: no query syntax leaks
			// through, and juxtaposition means AND.
			qs := make([]string, len(terms))
			for i, t := range terms {
				qs[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
			}
			return strings.Join(qs, " ")
		},
		StringAggDistinct: func(expr string) string { return "group_concat(DISTINCT " + expr + ")" },
		BoxSeqs: func(minLat, maxLat, minLon, maxLon string) string {
			// The R*Tree of migration 0020 (its bounds are rounded
			// outward, so this is a superset).
			return "SELECT seq FROM events_geo WHERE max_lat >= " + minLat + " AND min_lat <= " + maxLat +
				" AND max_lon >= " + minLon + " AND min_lon <= " + maxLon
		},
		IndexText: func(ctx context.Context, q sqlbase.Querier, arts, sents sqlbase.SeqRange) error {
			// The transaction is the only writer and seq is the rowid,
			// so the ranges hold exactly the rows it stored.
			if !arts.Empty() {
				if err := q.Exec(ctx, `INSERT INTO articles_fts (rowid, title)
					SELECT seq, COALESCE(title, '') FROM articles WHERE seq >= $1 AND seq <= $2`, arts.Lo, arts.Hi); err != nil {
					return err
				}
			}
			if !sents.Empty() {
				return q.Exec(ctx, `INSERT INTO sentences_fts (rowid, text)
					SELECT seq, text FROM sentences WHERE seq >= $1 AND seq <= $2`, sents.Lo, sents.Hi)
			}
			return nil
		},
	}
}

// sqlDB adapts database/sql to sqlbase.DB.
type sqlDB struct {
	db *sql.DB
	sq *sqlCache
	cs *connStmts
}

func (d sqlDB) Exec(ctx context.Context, q string, args ...any) error {
	_, err := d.db.ExecContext(ctx, d.sq.rewrite(q), args...)
	return err
}

func (d sqlDB) Query(ctx context.Context, q string, args ...any) (sqlbase.Rows, error) {
	r, err := d.db.QueryContext(ctx, d.sq.rewrite(q), args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

func (d sqlDB) Begin(ctx context.Context) (sqlbase.Tx, error) {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &sqlTx{ctx: ctx, conn: conn, tx: tx, sq: d.sq, cs: d.cs}, nil
}

// sqlTx runs the statements of a transaction through statements it
// prepares once: the same few INSERTs run a hundred times per article,
// and parsing them every time was a sixth of the cost of storing one.
// The statements live on the transaction's connection, so preparing
// never needs a second connection from the pool. Exec's statements stay
// prepared on the connection for later transactions (connStmts); a
// query's close with the transaction.
type sqlTx struct {
	// ctx is Begin's: database/sql rolls the transaction back when it
	// ends.
	ctx   context.Context
	conn  *sql.Conn
	tx    *sql.Tx
	sq    *sqlCache
	cs    *connStmts
	stmts map[string]*sql.Stmt
	nv    []driver.NamedValue // Exec's arguments, converted
}

// maxPrepared bounds the statements one transaction keeps prepared.
const maxPrepared = 128

// stmt returns the transaction's prepared statement for q, or nil when q
// is not worth preparing: without parameters (DDL and migrations, which
// may hold several statements) or past maxPrepared.
func (t *sqlTx) stmt(ctx context.Context, q string, args []any) (*sql.Stmt, error) {
	if len(args) == 0 {
		return nil, nil
	}
	if st := t.stmts[q]; st != nil {
		return st, nil
	}
	if len(t.stmts) >= maxPrepared {
		return nil, nil
	}
	st, err := t.tx.PrepareContext(ctx, t.sq.rewrite(q))
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[q] = st
	return st, nil
}

func (t *sqlTx) Exec(ctx context.Context, q string, args ...any) error {
	if len(args) == 0 {
		// DDL and migrations, which may hold several statements.
		_, err := t.tx.ExecContext(ctx, t.sq.rewrite(q))
		return err
	}
	return t.conn.Raw(func(dc any) error {
		// Under the connection's lock, which database/sql's rollback
		// of a transaction whose context ended takes too: a statement
		// must not run after that rollback, outside any transaction.
		if err := cmp.Or(t.ctx.Err(), ctx.Err()); err != nil {
			return err
		}
		var err error
		t.nv, err = t.cs.exec(ctx, dc.(driver.Conn), t.sq.rewrite(q), args, t.nv)
		return err
	})
}

func (t *sqlTx) Query(ctx context.Context, q string, args ...any) (sqlbase.Rows, error) {
	st, err := t.stmt(ctx, q, args)
	if err != nil {
		return nil, err
	}
	var r *sql.Rows
	if st != nil {
		r, err = st.QueryContext(ctx, args...)
	} else {
		r, err = t.tx.QueryContext(ctx, t.sq.rewrite(q), args...)
	}
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

func (t *sqlTx) Commit(context.Context) error {
	err := t.tx.Commit()
	t.release()
	return err
}

func (t *sqlTx) Rollback(context.Context) error {
	err := t.tx.Rollback()
	t.release()
	return err
}

// release returns the connection to the pool, first closing its kept
// statements if database/sql is going to discard it.
func (t *sqlTx) release() {
	_ = t.conn.Raw(func(dc any) error {
		if v, ok := dc.(driver.Validator); ok && !v.IsValid() {
			t.cs.drop(dc.(driver.Conn))
		}
		return nil
	})
	t.conn.Close()
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { _ = r.Rows.Close() }

// checkFile says, before SQLite does in its own words ("unable to open
// database file"), that the database is missing (when it must exist) or
// that the file cannot be opened for writing, with the OS error that
// names the path ("permission denied"). An in-memory database or a
// file: URI is left to SQLite.
func checkFile(path string, mustExist bool) error {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	switch {
	case err == nil:
		return f.Close()
	case errors.Is(err, fs.ErrNotExist):
		if mustExist {
			return fmt.Errorf("%w (ingest into it first, or check --db)", store.ErrNoDatabase)
		}
		return nil
	}
	return err
}
