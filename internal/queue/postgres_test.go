package queue

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
)

// openPostgres returns a PostgreSQL store in a fresh schema on the
// machine's server, dropped after the test; unreachable fails under CI.
func openPostgres(t *testing.T) *postgres.Store {
	t.Helper()
	dsn := os.Getenv("SITREP_TEST_POSTGRES")
	if dsn == "" {
		dsn = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("postgres unreachable at %s: %v", dsn, err)
		}
		t.Skipf("postgres unreachable at %s: %v", dsn, err)
	}
	schema := fmt.Sprintf("sitrep_queue_test_%d", rand.Uint64()>>1)
	t.Cleanup(func() {
		_, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
		conn.Close(ctx)
		if err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	opts := postgres.DefaultOptions()
	opts.Schema = schema
	st, err := postgres.Open(ctx, dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestExactlyOncePostgres is the acceptance test end to end on
// the real servers: N documents through 1 and through 3 concurrent
// workers, over the machine's NATS JetStream, land exactly once in
// PostgreSQL.
func TestExactlyOncePostgres(t *testing.T) {
	const n = 40
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			nc := connect(t, realURL(t))
			cfg := testConfig(t, nc)
			docs := testDocs(n, "wire.example.net")
			// Publish every document twice: JetStream's dedup window must
			// keep the copies out.
			publishAll(t, nc, cfg, append(docs, docs...))
			st := openPostgres(t)
			procs := make([]Processor, workers)
			for i := range procs {
				procs[i] = fakeProcessor
			}
			stop := runWorkers(t, nc, cfg, st, procs, NewMetrics(prometheus.NewRegistry()))
			ctx := context.Background()
			waitFor(t, 60*time.Second, "all articles stored", func() bool {
				s, err := st.Stats(ctx)
				return err == nil && s.Articles >= n
			})
			waitFor(t, 30*time.Second, "consumer settled", func() bool { return settled(t, nc, cfg) })
			if err := stop(); err != nil {
				t.Fatalf("workers: %v", err)
			}
			s, err := st.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if s.Articles != n || s.Events != n {
				t.Errorf("stored %d articles and %d events, want %d of each", s.Articles, s.Events, n)
			}
			for _, d := range docs {
				if _, err := st.Article(ctx, model.ContentID(string(d.Data))); err != nil {
					t.Errorf("%s: %v", d.Name, err)
				}
			}
		})
	}
}
