package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

func open(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sitrep.db"), sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func TestAwkwardPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a dir?with#odd%chars")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "x?y.db")
	s, err := sqlite.Open(context.Background(), path, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at the given path: %v", err)
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	s, err := sqlite.Open(ctx, path, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.Generate(1, 11)[0]
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopening applies no migration twice and keeps the data.
	s, err = sqlite.Open(ctx, path, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	// A schema from a newer sitrep is refused with a clear error.
	if err := s.DB.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = sqlite.Open(ctx, path, sqlite.DefaultOptions())
	if err == nil || !strings.Contains(err.Error(), "newer than this sitrep supports") {
		t.Fatalf("open of newer schema: %v", err)
	}
}

func BenchmarkPutArticle(b *testing.B) {
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchmarkPut(b, s)
}

// BenchmarkQueries loads $SITREP_BENCH_EVENTS events (default 100,000)
// and times timelines and filtered event queries over them.
func BenchmarkQueries(b *testing.B) {
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.LoadBenchEvents(b, s, storetest.BenchEvents())
	storetest.BenchmarkQueries(b, s)
}

// TestUpgradeClusterHeads opens a database as schema version 1 left it
// (clusters without their first report's dyad) and checks that the
// upgrade fills the new columns from the events, so that new reports
// still join the clusters stored before it.
func TestUpgradeClusterHeads(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	s, err := sqlite.Open(ctx, path, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	arts := storetest.Generate(2, 5)
	first := arts[0]
	if _, err := s.PutArticle(ctx, first); err != nil {
		t.Fatal(err)
	}
	// Back to version 1.
	for _, q := range []string{
		`DROP INDEX clusters_dyad`, `CREATE INDEX events_article ON events (article_id)`,
		`ALTER TABLE clusters DROP COLUMN source_code`, `ALTER TABLE clusters DROP COLUMN target_code`,
		`ALTER TABLE clusters DROP COLUMN cameo_root`, `ALTER TABLE clusters DROP COLUMN country`,
		`ALTER TABLE clusters DROP COLUMN article_seq`, `ALTER TABLE clusters DROP COLUMN idx`,
		`DELETE FROM schema_migrations WHERE version = 2`,
	} {
		if err := s.DB.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()
	if s, err = sqlite.Open(ctx, path, sqlite.DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A copy of the first article's events in a new article joins their
	// clusters, which only works if the upgrade filled clusters_dyad.
	again := *first
	again.ID = first.ID + "-again"
	if _, err := s.PutArticle(ctx, &again); err != nil {
		t.Fatal(err)
	}
	p, err := s.Events(ctx, store.EventFilter{ArticleID: again.ID})
	if err != nil {
		t.Fatal(err)
	}
	joined := 0
	for _, r := range p.Items {
		if strings.HasPrefix(r.Cluster, first.ID+":") {
			joined++
		}
	}
	dated := 0
	for _, e := range first.Events {
		if store.EventDay(&e) != "" && store.CameoRoot(e.Cameo) != "" {
			dated++
		}
	}
	if dated == 0 || joined != dated {
		t.Errorf("%d of %d events of the copy joined the upgraded clusters, want %d", joined, len(p.Items), dated)
	}
}
