package sqlbase

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Migration is one numbered schema change, from a file named
// NNNN_description.sql.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// LoadMigrations reads the *.sql files of dir in fsys, ordered by the
// number their name starts with. Gaps and duplicate numbers are errors:
// they mean a botched merge.
func LoadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []Migration
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and '_'", name)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.Name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion returns the highest applied migration, 0 for a new
// database.
func SchemaVersion(ctx context.Context, q Querier) (int, error) {
	var v int
	if _, err := queryRow(ctx, q, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`, nil, &v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// Migrate applies the migrations newer than the database's schema, each
// in its own transaction, and refuses a database whose schema is newer
// than the newest migration known to this binary.
func Migrate(ctx context.Context, db DB, d Dialect, ms []Migration) error {
	if err := createMigrationsTable(ctx, db, d); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	known := len(ms)
	for {
		done, err := migrateOne(ctx, db, d, ms, known)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next pending migration and reports whether
// there was none.
func migrateOne(ctx context.Context, db DB, d Dialect, ms []Migration, known int) (done bool, err error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("begin migration: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if d.LockMigrations != nil {
		if err := d.LockMigrations(ctx, tx); err != nil {
			return false, fmt.Errorf("lock migrations: %w", err)
		}
	}
	cur, err := SchemaVersion(ctx, tx)
	if err != nil {
		return false, err
	}
	if cur > known {
		return false, fmt.Errorf("%s database schema version %d is newer than this sitrep supports (%d): upgrade sitrep", d.Name, cur, known)
	}
	if cur == known {
		return true, tx.Rollback(ctx)
	}
	m := ms[cur]
	if err := tx.Exec(ctx, m.SQL); err != nil {
		return false, fmt.Errorf("apply migration %s: %w", m.Name, err)
	}
	if err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
		m.Version, m.Name, time.Now().UnixNano()); err != nil {
		return false, fmt.Errorf("record migration %s: %w", m.Name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("commit migration %s: %w", m.Name, err)
	}
	return false, nil
}

// createMigrationsTable creates the bookkeeping table under the
// migration lock, so concurrent first opens don't race on it.
func createMigrationsTable(ctx context.Context, db DB, d Dialect) (err error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if d.LockMigrations != nil {
		if err := d.LockMigrations(ctx, tx); err != nil {
			return err
		}
	}
	if err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at BIGINT NOT NULL)`); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
