package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

// BulkLoader is a BulkInserter that can also load many batches fast:
// between BeginBulkLoad and EndBulkLoad the batches skip the indexes
// and aggregates, which EndBulkLoad builds from the stored events.
type BulkLoader interface {
	BulkInserter
	BeginBulkLoad(ctx context.Context) error
	EndBulkLoad(ctx context.Context) error
}

// rowDumper lists the rows of a query as text, for comparing two stores.
type rowDumper interface {
	DumpRows(ctx context.Context, query string, cols int) ([]string, error)
}

// bulkTables are what a store keeps for its events, with their columns:
// the aggregates a bulk load builds at its end, the clusters, the
// events' derived columns, the counts and codes.
var bulkTables = []struct{ table, cols string }{
	{"dyad_daily", "source_code, target_code, prec, day, quad_class, cameo_root, day_to, n, goldstein_sum, fatalities"},
	{"dyad_daily_cc", "source_code, target_code, prec, day, quad_class, cameo_root, day_to, n, goldstein_sum, fatalities"},
	{"dyad_code_cc", "source_code, target_code, cameo, prec, day, day_to, quad_class, n, goldstein_sum, fatalities"},
	{"actor_daily_cc", "actor, cameo_root, prec, day, quad_class, role, day_to, n, goldstein_sum, fatalities"},
	{"dyad_day_cc", "source_code, target_code, prec, day, quad_class, day_to, n, goldstein_sum, fatalities"},
	{"actor_day_cc", "actor, role, prec, day, quad_class, day_to, n, goldstein_sum, fatalities"},
	{"all_day", "prec, day, quad_class, day_to, n, goldstein_sum, fatalities"},
	{"country_day", "day, country, n, fatalities"},
	{"country_total", "country, n, fatalities"},
	{"country_dyad", "source_code, target_code, cameo_root, country, n, fatalities"},
	{"country_actor", "actor, role, cameo_root, country, n, fatalities"},
	{"country_pair", "source_code, target_code, cameo_root, country, n, fatalities"},
	{"country_dyad_month", "source_code, target_code, cameo_root, month, country, n, fatalities"},
	{"country_actor_month", "actor, role, cameo_root, month, country, n, fatalities"},
	{"country_root_month", "cameo_root, month, country, n, fatalities"},
	{"country_code", "cameo, country, n, fatalities"},
	{"country_root", "cameo_root, country, n, fatalities"},
	{"clusters", "id, day, reports, articles, source_code, target_code, cameo_root, country, article_seq, idx, modalities"},
	{"events", "seq, ekey, article_seq, idx, cluster, day, prec, day_to, country, fatalities, region, loc_prec"},
	{"articles", "seq, id, n_events"},
	{"store_counts", "name, n"},
	{"actor_codes", "code"},
}

// dumpStore lists every row of bulkTables, table by table.
func dumpStore(t *testing.T, s BulkLoader) map[string][]string {
	t.Helper()
	d, ok := s.(rowDumper)
	if !ok {
		t.Fatal("store cannot list its rows")
	}
	out := map[string][]string{}
	for _, tb := range bulkTables {
		n := strings.Count(tb.cols, ",") + 1
		order := make([]string, n)
		for i := range order {
			order[i] = fmt.Sprint(i + 1)
		}
		rows, err := d.DumpRows(context.Background(),
			"SELECT "+tb.cols+" FROM "+tb.table+" ORDER BY "+strings.Join(order, ", "), n)
		if err != nil {
			t.Fatalf("%s: %v", tb.table, err)
		}
		out[tb.table] = rows
	}
	return out
}

// TestBulkLoad loads the same articles and batches of synthetic events
// into two stores: into incremental through PutArticle and
// BulkInsertEventFacts, which keep every aggregate and index as they
// go, and into bulk the same way between BeginBulkLoad and EndBulkLoad
// (begun twice, as a resumed load is). The two must hold the same rows
// in every aggregate and table the events feed, and the same indexes;
// the bulk-loaded store's choropleth and boxes must also agree with
// direct counts.
func TestBulkLoad(t *testing.T, incremental, bulk BulkLoader, indexes func(s BulkLoader) []string) {
	t.Helper()
	ctx := context.Background()
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	arts := Generate(6, seed)
	batch := func(s BulkLoader, k int) {
		t.Helper()
		evs := BulkEvents(2000, seed+uint64(k), k*900, (k+1)*900)
		facts := DeskEvents(evs, seed+uint64(k))
		if err := s.BulkInsertEventFacts(ctx, fmt.Sprintf("bulk-%d", k), evs, facts); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []BulkLoader{incremental, bulk} {
		st := s.(store.Store)
		if _, err := st.PutArticle(ctx, arts[0]); err != nil {
			t.Fatal(err)
		}
		batch(s, 0)
	}
	wantIdx := indexes(bulk)
	if len(wantIdx) == 0 {
		t.Fatal("no secondary index listed")
	}
	if err := bulk.BeginBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	if got := indexes(bulk); len(got) != 0 {
		t.Errorf("indexes left during a bulk load: %v", got)
	}
	batch(bulk, 1)
	// A second begin, as after an interrupted load, keeps the
	// definitions the first one stored.
	if err := bulk.BeginBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	batch(bulk, 2)
	if err := bulk.EndBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	batch(incremental, 1)
	batch(incremental, 2)
	// Ending a load never begun changes nothing.
	if err := incremental.EndBulkLoad(ctx); err != nil {
		t.Fatal(err)
	}
	if got := indexes(incremental); len(got) != len(wantIdx) {
		t.Errorf("%d indexes after an end without a begin, want %d", len(got), len(wantIdx))
	}
	// Articles after the load are stored as usual, joining clusters.
	for _, s := range []BulkLoader{incremental, bulk} {
		st := s.(store.Store)
		for _, a := range arts[1:] {
			if _, err := st.PutArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		batch(s, 3)
	}
	if got := indexes(bulk); !slices.Equal(got, wantIdx) {
		t.Errorf("indexes after the bulk load:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantIdx, "\n"))
	}
	want, got := dumpStore(t, incremental), dumpStore(t, bulk)
	for _, tb := range bulkTables {
		w, g := want[tb.table], got[tb.table]
		if len(w) == 0 {
			t.Errorf("%s: empty: the test data does not exercise it", tb.table)
		}
		if !slices.Equal(g, w) {
			t.Errorf("%s: %d rows after the bulk load, %d kept as the events came; first difference: %s",
				tb.table, len(g), len(w), firstDiff(g, w))
		}
	}
	CheckCountrySums(t, bulk.(store.Store))
}

// firstDiff describes where two sorted row lists first differ.
func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("row %d: %q, want %q", i, got[i], want[i])
		}
	}
	if len(got) > len(want) {
		return fmt.Sprintf("extra row %q", got[len(want)])
	}
	if len(want) > len(got) {
		return fmt.Sprintf("missing row %q", want[len(got)])
	}
	return "none"
}

// CodeSumRows lists every row of the sums migrations 0022 and 0023 add
// (dyad_code_cc, country_pair, country_code, the country sums by
// month), for checking that the migrations fill them as the writes keep
// them.
func CodeSumRows(t *testing.T, s store.Store) []string {
	t.Helper()
	d, ok := s.(rowDumper)
	if !ok {
		t.Fatal("store cannot list its rows")
	}
	var out []string
	for _, q := range []struct {
		sql  string
		cols int
	}{
		{`SELECT source_code, target_code, cameo, prec, day, day_to, quad_class, n, goldstein_sum, fatalities
			FROM dyad_code_cc ORDER BY 1, 2, 3, 4, 5, 6, 7`, 10},
		{`SELECT source_code, target_code, cameo_root, country, n, fatalities FROM country_pair ORDER BY 1, 2, 3, 4`, 6},
		{`SELECT cameo, country, n, fatalities FROM country_code ORDER BY 1, 2`, 4},
		{`SELECT source_code, target_code, cameo_root, month, country, n, fatalities FROM country_dyad_month
			ORDER BY 1, 2, 3, 4, 5`, 7},
		{`SELECT actor, role, cameo_root, month, country, n, fatalities FROM country_actor_month ORDER BY 1, 2, 3, 4, 5`, 7},
		{`SELECT cameo_root, month, country, n, fatalities FROM country_root_month ORDER BY 1, 2, 3`, 5},
	} {
		rows, err := d.DumpRows(context.Background(), q.sql, q.cols)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 {
			t.Fatalf("%s: empty: the test data does not exercise it", q.sql)
		}
		out = append(out, rows...)
	}
	return out
}

// FillForUpgrade stores articles and a batch of bulk events with
// places, fatalities and loose dates in s, for migration tests.
func FillForUpgrade(t *testing.T, s BulkInserter) {
	t.Helper()
	ctx := context.Background()
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	for _, a := range Generate(10, seed) {
		if _, err := s.(store.Store).PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	evs := BulkEvents(3000, seed, 0, 1825)
	if err := s.BulkInsertEventFacts(ctx, "bulk", evs, DeskEvents(evs, seed)); err != nil {
		t.Fatal(err)
	}
}
