package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

const defaultDSN = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

func dsn() string {
	if v := os.Getenv("SITREP_TEST_POSTGRES"); v != "" {
		return v
	}
	return defaultDSN
}

// open returns a store in a new schema that is dropped after the test.
// An unreachable server fails the test under CI and skips it elsewhere.
func open(t testing.TB) *postgres.Store {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn())
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("postgres unreachable at %s: %v", dsn(), err)
		}
		t.Skipf("postgres unreachable at %s (set CI to fail instead): %v", dsn(), err)
	}
	schema := fmt.Sprintf("sitrep_test_%d", rand.Uint64()>>1)
	t.Cleanup(func() {
		_, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
		conn.Close(ctx)
		if err != nil {
			t.Errorf("drop test schema: %v", err)
		}
	})
	opts := postgres.DefaultOptions()
	opts.Schema = schema
	s, err := postgres.Open(ctx, dsn(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.Pool().Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)`); err != nil {
		t.Fatal(err)
	}
	schema := currentSchema(t, s)
	opts := postgres.DefaultOptions()
	opts.Schema = schema
	_, err := postgres.Open(ctx, dsn(), opts)
	if err == nil || !strings.Contains(err.Error(), "newer than this sitrep supports") {
		t.Fatalf("open of newer schema: %v", err)
	}
}

// currentSchema is the schema the test's store lives in, for opening it
// again.
func currentSchema(t *testing.T, s *postgres.Store) string {
	t.Helper()
	var schema string
	if err := s.Pool().QueryRow(context.Background(), `SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	return schema
}

func BenchmarkPutArticle(b *testing.B) {
	storetest.BenchmarkPut(b, open(b))
}

func BenchmarkPutArticles(b *testing.B) {
	storetest.BenchmarkPutBatch(b, open(b))
}

// BenchmarkQueries loads $SITREP_BENCH_EVENTS events (default 100,000)
// and times timelines and filtered event queries over them.
func BenchmarkQueries(b *testing.B) {
	s := open(b)
	storetest.LoadBenchEvents(b, s, storetest.BenchEvents())
	storetest.BenchmarkQueries(b, s)
}
