package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// BulkInserter is implemented by stores that can load events without
// the full PutArticle path (for benchmarks).
type BulkInserter interface {
	BulkInsertEvents(ctx context.Context, articleID string, events []model.Event) error
	Optimize(ctx context.Context) error
	Stats(ctx context.Context) (store.Stats, error)
}

// BenchEvents is the number of events the query benchmarks load:
// $SITREP_BENCH_EVENTS, default 100,000 so `go test -bench` stays short.
func BenchEvents() int {
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// benchCountries are the actors of the synthetic event stream; RUS and
// PRK are the dyad the benchmarks query.
var benchCountries = []string{"RUS", "PRK", "UKR", "USA", "CHN", "KOR", "JPN", "IND", "PAK", "IRN", "ISR",
	"SYR", "TUR", "FRA", "DEU", "GBR", "NGA", "KEN", "ETH", "SDN", "BRA", "COL", "VEN", "MEX", "AUS",
	"PHL", "IDN", "VNM", "EGY", "SAU", "IGOUNO", "IGONAT", "AFG", "IRQ", "LBY", "MLI", "COD", "SOM", "YEM", "MMR"}

var benchSectors = []string{"", "GOV", "MIL", "GOV", "REB", "BUS"}

// benchDays is the span of the synthetic event stream: ten years.
const benchDays = 3650

// BulkEvents generates n lean synthetic events dated between day from
// and day to (counted from 2015-01-01, to exclusive) in date order, with
// a skewed actor distribution like real news (a few countries in most
// events). Date order because news arrives that way: a load in batches
// of consecutive days touches the recent end of each dyad's index range,
// as a real ingest does, not every page of every index.
func BulkEvents(n int, seed uint64, from, to int) []model.Event {
	r := rand.New(rand.NewPCG(seed, 1))
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	pick := func() string {
		// Squaring a uniform number favours the first countries.
		f := r.Float64()
		return benchCountries[int(f*f*float64(len(benchCountries)))] + benchSectors[r.IntN(len(benchSectors))]
	}
	days := make([]int, n)
	for i := range days {
		days[i] = from + r.IntN(max(to-from, 1))
	}
	slices.Sort(days)
	evs := make([]model.Event, n)
	for i := range evs {
		v := Verbs[r.IntN(len(Verbs))]
		day := base.AddDate(0, 0, days[i]).Format("2006-01-02")
		e := model.Event{ID: "v" + strconv.Itoa(i), Source: model.Actor{Code: pick()}, Cameo: v.Cameo,
			Goldstein: v.Goldstein, QuadClass: v.Quad, Plover: model.Plover{Type: v.Plover, Context: []string{}},
			Modality: model.ModalityAsserted, Date: model.EventDate{Value: &day, Precision: model.Str(model.PrecisionDay)},
			Attribution: []model.Attribution{}}
		if r.IntN(10) > 0 {
			e.Target = &model.Actor{Code: pick()}
		}
		evs[i] = e
	}
	return evs
}

// benchBatch is how many events LoadBenchEvents stores per transaction
// (and per stub article). Large: every transaction rewrites the index
// pages its days touch in each dyad's range, so fewer, bigger ones load
// ten million events several times faster.
const benchBatch = 500_000

// LoadBenchEvents fills s with n synthetic events in batches. A store
// that already holds some (a database kept with $SITREP_BENCH_DB) is
// topped up from where the last load stopped, so a 10-million-event
// load can be resumed.
func LoadBenchEvents(b *testing.B, s BulkInserter, n int) {
	b.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	have := st.Events
	if have >= n {
		b.Logf("store already holds %d events", have)
		return
	}
	start := time.Now()
	for lo, k := have/benchBatch*benchBatch, have/benchBatch; lo < n; lo, k = lo+benchBatch, k+1 {
		hi := min(lo+benchBatch, n)
		evs := BulkEvents(hi-lo, uint64(k)+1, lo*benchDays/n, hi*benchDays/n)
		if err := s.BulkInsertEvents(ctx, fmt.Sprintf("bench-%06d", k), evs); err != nil {
			b.Fatal(err)
		}
		b.Logf("%d events after %v", lo+len(evs), time.Since(start).Round(time.Second))
	}
	if err := s.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded %d events in %v", n-have, time.Since(start))
}

// BenchDB is where a query benchmark keeps its database between runs:
// $SITREP_BENCH_DB, or "" for a temporary one.
func BenchDB() string { return os.Getenv("SITREP_BENCH_DB") }

// BenchmarkQueries times the dashboard's hot queries over a loaded
// store: dyad timelines from the aggregates, one through the events
// table (CAMEO prefix finer than the root), and a filtered event page.
func BenchmarkQueries(b *testing.B, s store.Store) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    store.TimelineQuery
	}{
		{"timeline/RUS-PRK/day/undirected", store.TimelineQuery{A: "RUS", B: "PRK", Interval: "day"}},
		{"timeline/RUS-PRK/week/directed", store.TimelineQuery{A: "RUS", B: "PRK", Directed: true, Interval: "week"}},
		{"timeline/RUS/day", store.TimelineQuery{A: "RUS", Interval: "day"}},
		{"timeline/RUS/week/code19", store.TimelineQuery{A: "RUS", Code: "19", Interval: "week"}},
		{"timeline/PRK/week/as-target", store.TimelineQuery{B: "PRK", Directed: true, Interval: "week"}},
		{"timeline/RUSMIL-UKR/week", store.TimelineQuery{A: "RUSMIL", B: "UKR", Interval: "week"}},
		{"timeline/RUS-PRK/day/code194", store.TimelineQuery{A: "RUS", B: "PRK", Code: "194", Interval: "day"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Timeline(ctx, tc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, tc := range []struct {
		name string
		f    store.EventFilter
	}{
		{"clusters/page", store.EventFilter{Limit: 50}},
		{"clusters/RUS-PRK/page", store.EventFilter{Source: "RUS", Target: "PRK", Undirected: true, Limit: 50}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Clusters(ctx, tc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, tc := range []struct {
		name string
		f    store.EventFilter
	}{
		{"events/RUS-PRK/19", store.EventFilter{Source: "RUS", Target: "PRK", Code: "19", Limit: 50}},
		{"events/RUS-PRK/undirected/since", store.EventFilter{Source: "RUS", Target: "PRK", Undirected: true, Since: "2020-01-01", Limit: 50}},
		{"events/all/page", store.EventFilter{Limit: 50}},
		{"events/actor-RUS/page", store.EventFilter{Actor: "RUS", Limit: 50}},
		{"events/code-19/since-2024", store.EventFilter{Code: "19", Since: "2024-01-01", Limit: 50}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Events(ctx, tc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPut times PutArticle of generated articles, reporting
// articles/s and body MB/s.
func BenchmarkPut(b *testing.B, s store.Store) {
	arts := Generate(b.N, uint64(time.Now().UnixNano()))
	var bytes int
	for _, a := range arts {
		bytes += len(a.Body)
	}
	b.SetBytes(int64(bytes / len(arts)))
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.PutArticle(context.Background(), arts[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
