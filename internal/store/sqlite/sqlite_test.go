package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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

func BenchmarkPutArticles(b *testing.B) {
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchmarkPutBatch(b, s)
}

// BenchmarkQueries loads $SITREP_BENCH_EVENTS events (default 100,000)
// and times timelines and filtered event queries over them. With
// $SITREP_BENCH_DB the database is kept (and topped up) at that path:
//
//	SITREP_BENCH_EVENTS=10000000 SITREP_BENCH_DB=/tmp/10m.db \
//	  go test -run XXX -bench Queries -timeout 0 ./internal/store/sqlite
func BenchmarkQueries(b *testing.B) {
	path := storetest.BenchDB()
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	opts := sqlite.DefaultOptions()
	// Enough page cache for the indexes of a 10-million-event load,
	// which otherwise slows down as they outgrow it.
	opts.CacheKiB = 4 << 20
	s, err := sqlite.Open(context.Background(), path, opts)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.LoadBenchEvents(b, s, storetest.BenchEvents())
	storetest.BenchmarkQueries(b, s)
}

// TestUpgradeFromV1 opens a database as schema version 1 left it
// (clusters without their first report's dyad, no per-country
// aggregates) and checks that the upgrade fills the new columns and
// tables from what is stored: new reports still join the clusters
// stored before it, and country timelines don't change.
func TestUpgradeFromV1(t *testing.T) {
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
	country := first.Events[0].Source.Code[:3]
	tq := store.TimelineQuery{A: country, Interval: "day"}
	before, err := s.Timeline(ctx, tq)
	if err != nil || len(before) == 0 {
		t.Fatalf("timeline of %s: %v, %v", country, before, err)
	}
	clustersBefore, err := s.Clusters(ctx, store.EventFilter{})
	if err != nil || len(clustersBefore.Items) == 0 {
		t.Fatalf("clusters: %v, %v", clustersBefore, err)
	}
	entitiesBefore, err := s.Entities(ctx, store.EntityFilter{})
	if err != nil || len(entitiesBefore.Items) == 0 {
		t.Fatalf("entities: %v, %v", entitiesBefore, err)
	}
	// Back to version 1, then migrated again.
	s = reopenAfter(ctx, t, s, path,
		`ALTER TABLE events ADD COLUMN article_id TEXT NOT NULL DEFAULT ''`,
		`UPDATE events SET article_id = (SELECT id FROM articles WHERE seq = events.article_seq)`,
		`DROP INDEX clusters_dyad`, `DROP INDEX clusters_pair`, `CREATE INDEX events_article ON events (article_id)`,
		`ALTER TABLE clusters DROP COLUMN source_code`, `ALTER TABLE clusters DROP COLUMN target_code`,
		`ALTER TABLE clusters DROP COLUMN cameo_root`, `ALTER TABLE clusters DROP COLUMN country`,
		`ALTER TABLE clusters DROP COLUMN article_seq`, `ALTER TABLE clusters DROP COLUMN idx`,
		`DROP TABLE actor_daily_cc`,
		`WITH m(bit, name) AS (VALUES (1, 'asserted'), (2, 'future'), (4, 'possible'), (8, 'denied'),
			(16, 'alleged'), (32, 'habitual'), (64, 'negated'))
		INSERT INTO cluster_modalities (cluster, modality)
		SELECT c.id, m.name FROM clusters c JOIN m ON c.modalities & m.bit <> 0`,
		`ALTER TABLE clusters DROP COLUMN modalities`,
		`DROP TABLE entity_names`,
		`DROP TABLE articles_fts`, `CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, content = '')`,
		`INSERT INTO articles_fts (rowid, title, body) SELECT seq, COALESCE(title, ''), body FROM articles`,
		`CREATE INDEX entities_name ON entities (name, type, code)`, `CREATE INDEX entities_code ON entities (code)`,
		`DROP INDEX articles_pub_seq`, `DROP INDEX events_day`, `CREATE INDEX events_day ON events (day, ekey)`, `DROP INDEX events_loose`, `DROP INDEX events_loose_target`, `DROP INDEX events_fatal`, `DROP INDEX events_fatal_target`, `DROP INDEX events_country`,
		`ALTER TABLE events DROP COLUMN prec`, `ALTER TABLE events DROP COLUMN fatalities`, `ALTER TABLE events DROP COLUMN loc_prec`,
		`DROP INDEX alerts_rule_cluster`, `ALTER TABLE alerts DROP COLUMN cluster`, `ALTER TABLE alerts DROP COLUMN reports`,
		`ALTER TABLE alerts DROP COLUMN updated_at`, `ALTER TABLE alerts DROP COLUMN last_event_key`,
		`ALTER TABLE alert_rules DROP COLUMN paused`,
		`DROP INDEX events_region`, `ALTER TABLE events DROP COLUMN region`, `ALTER TABLE events DROP COLUMN region_name`,
		`ALTER TABLE events DROP COLUMN day_to`,
		`DROP TABLE dyad_day_cc`, `DROP TABLE actor_day_cc`, `DROP TABLE all_day`, `DROP TABLE country_day`,
		`DROP TABLE country_total`, `DROP TABLE store_counts`,
		`DROP TABLE country_dyad`, `DROP TABLE country_actor`, `DROP TABLE country_root`,
		`DROP TRIGGER events_geo_insert`, `DROP TABLE events_geo`, `DROP TABLE dyad_code_cc`,
		`DROP TABLE country_pair`, `DROP TABLE country_code`, `DROP TABLE country_dyad_month`,
		`DROP TABLE country_actor_month`, `DROP TABLE country_root_month`,
		`DELETE FROM schema_migrations WHERE version >= 2`,
	)
	defer s.Close()
	after, err := s.Timeline(ctx, tq)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("timeline of %s after upgrade = %v, want %v", country, after, before)
	}
	clustersAfter, err := s.Clusters(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// A word of the body only (the title is its first sentence).
	body := fmt.Sprint(first.Quantities[0].Value)
	if p, err := s.Articles(ctx, store.ArticleFilter{Text: body}); err != nil || len(p.Items) != 1 || p.Items[0].ID != first.ID {
		t.Errorf("articles with %q after upgrade: %+v, %v; want %s", body, p.Items, err, first.ID)
	}
	entitiesAfter, err := s.Entities(ctx, store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(entitiesAfter, entitiesBefore) {
		t.Errorf("entities after upgrade = %+v, want %+v", entitiesAfter, entitiesBefore)
	}
	if !reflect.DeepEqual(clustersAfter, clustersBefore) {
		t.Errorf("clusters after upgrade = %+v, want %+v", clustersAfter, clustersBefore)
	}
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

// reopenAfter runs stmts on s (setting a database back to an older
// schema), closes it and opens the file again, which migrates it.
func reopenAfter(ctx context.Context, t *testing.T, s *sqlite.Store, path string, stmts ...string) *sqlite.Store {
	t.Helper()
	for _, q := range stmts {
		if err := s.DB.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()
	s, err := sqlite.Open(ctx, path, sqlite.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTxStatements: Exec's statements, kept prepared across
// transactions, still run inside their transaction: a failed statement
// or a rollback leaves nothing, and after the transaction's context
// ends no statement runs outside it.
func TestTxStatements(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	if err := s.DB.Exec(ctx, `CREATE TABLE scratch (k INTEGER PRIMARY KEY, v TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	const ins = `INSERT INTO scratch (k, v) VALUES ($1, $2)`
	count := func() (n int) {
		t.Helper()
		rows, err := s.DB.Query(ctx, `SELECT COUNT(*) FROM scratch`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		if !rows.Next() {
			t.Fatal("no count")
		}
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, tc := range []struct {
		name string
		run  func(t *testing.T) // leaves the rows it says
		want int
	}{
		{"commit", func(t *testing.T) {
			tx, err := s.DB.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for k := 1; k <= 3; k++ {
				if err := tx.Exec(ctx, ins, k, "kept"); err != nil {
					t.Fatal(err)
				}
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		}, 3},
		{"rollback after a failed statement", func(t *testing.T) {
			tx, err := s.DB.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := tx.Exec(ctx, ins, 4, "dropped"); err != nil {
				t.Fatal(err)
			}
			if err := tx.Exec(ctx, ins, 1, "duplicate key"); err == nil {
				t.Fatal("duplicate key stored")
			}
			if err := tx.Exec(ctx, ins, 5, nil); err == nil {
				t.Fatal("NULL stored in a NOT NULL column")
			}
			if err := tx.Rollback(ctx); err != nil {
				t.Fatal(err)
			}
		}, 3},
		{"context ended", func(t *testing.T) {
			cctx, cancel := context.WithCancel(ctx)
			tx, err := s.DB.Begin(cctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := tx.Exec(cctx, ins, 6, "rolled back"); err != nil {
				t.Fatal(err)
			}
			cancel()
			// database/sql rolls back on its own goroutine; whether
			// before or after, this statement must not be stored.
			if err := tx.Exec(ctx, ins, 7, "outside"); err == nil {
				t.Error("statement ran after the transaction's context ended")
			}
			_ = tx.Rollback(ctx)
		}, 3},
		{"reuse", func(t *testing.T) {
			tx, err := s.DB.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := tx.Exec(ctx, ins, 8, "kept"); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t)
			if n := count(); n != tc.want {
				t.Errorf("%d rows stored, want %d", n, tc.want)
			}
		})
	}
}
