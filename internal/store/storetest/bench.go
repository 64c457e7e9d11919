package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// BulkInserter is implemented by stores that can load events without
// the full PutArticle path (for benchmarks).
type BulkInserter interface {
	BulkInsertEvents(ctx context.Context, articleID string, events []model.Event) error
	BulkInsertEventFacts(ctx context.Context, articleID string, events []model.Event, facts []store.EventFacts) error
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

// LoadBenchEvents fills s with n synthetic events in batches, as a bulk
// load when s is a BulkLoader (indexes and aggregates built once at the
// end; TestBulkLoad checks that this gives the database the batches
// alone would keep). A store that already holds some (a database kept
// with $SITREP_BENCH_DB) is topped up from where the last load stopped,
// so a 10-million-event load can be resumed.
func LoadBenchEvents(b *testing.B, s BulkInserter, n int) {
	b.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	have := st.Events
	bl, bulk := s.(BulkLoader)
	if have >= n {
		b.Logf("store already holds %d events", have)
		if bulk {
			// Finishes a load interrupted before its end, if any.
			if err := bl.EndBulkLoad(ctx); err != nil {
				b.Fatal(err)
			}
		}
		return
	}
	start := time.Now()
	if bulk {
		if err := bl.BeginBulkLoad(ctx); err != nil {
			b.Fatal(err)
		}
	}
	for lo, k := have/benchBatch*benchBatch, have/benchBatch; lo < n; lo, k = lo+benchBatch, k+1 {
		hi := min(lo+benchBatch, n)
		evs := BulkEvents(hi-lo, uint64(k)+1, lo*benchDays/n, hi*benchDays/n)
		facts := DeskEvents(evs, uint64(k)+1)
		if err := s.BulkInsertEventFacts(ctx, fmt.Sprintf("bench-%06d", k), evs, facts); err != nil {
			b.Fatal(err)
		}
		b.Logf("%d events after %v", lo+len(evs), time.Since(start).Round(time.Second))
	}
	if bulk {
		if err := bl.EndBulkLoad(ctx); err != nil {
			b.Fatal(err)
		}
		b.Logf("aggregates and indexes built after %v", time.Since(start).Round(time.Second))
	}
	if err := s.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded %d events in %v", n-have, time.Since(start))
}

// BenchDB is where a query benchmark keeps its database between runs:
// $SITREP_BENCH_DB, or "" for a temporary one.
func BenchDB() string { return os.Getenv("SITREP_BENCH_DB") }

// BenchmarkQueries times the queries the dashboard and the API issue
// over a loaded store: timelines (aggregates, spans and the undated
// bucket, fatalities), event pages oldest first (API, exports) and
// newest first (dashboard) with every filter the desk offers, cluster
// pages, the map's counts by country, the network's window, the stats
// line and the alert list.
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
		{"timeline/RUS-PRK/month/undirected", store.TimelineQuery{A: "RUS", B: "PRK", Interval: "month"}},
		{"timeline/UKR/month", store.TimelineQuery{A: "UKR", Interval: "month"}},
		{"timeline/RUS-PRK/week/since-2023", store.TimelineQuery{A: "RUS", B: "PRK", Interval: "week", Since: "2023-01-01"}},
		{"timeline/all/day", store.TimelineQuery{Interval: "day"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			benchLoop(b, func() error { _, err := s.Timeline(ctx, tc.q); return err })
		})
	}
	for _, tc := range []struct {
		name string
		f    store.EventFilter
	}{
		{"clusters/page", store.EventFilter{Limit: 50}},
		{"clusters/RUS-PRK/page", store.EventFilter{Source: "RUS", Target: "PRK", Undirected: true, Limit: 50}},
		{"clusters/actor-RUS/page", store.EventFilter{Actor: "RUS", Limit: 50}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			benchLoop(b, func() error { _, err := s.Clusters(ctx, tc.f); return err })
		})
	}
	first, err := s.Events(ctx, store.EventFilter{Newest: true, Limit: 1})
	if err != nil || len(first.Items) == 0 {
		b.Fatalf("no event to look up: %v", err)
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
		{"events/newest/page", store.EventFilter{Newest: true, Limit: 25}},
		{"events/newest/actor-RUS", store.EventFilter{Actor: "RUS", Newest: true, Limit: 25}},
		{"events/newest/RUS-PRK/undirected", store.EventFilter{Source: "RUS", Target: "PRK", Undirected: true, Newest: true, Limit: 25}},
		{"events/newest/code-19", store.EventFilter{Code: "19", Newest: true, Limit: 25}},
		{"events/newest/country-UKR", store.EventFilter{Country: "UKR", Newest: true, Limit: 25}},
		{"events/newest/region-code", store.EventFilter{Region: "UA.05", Newest: true, Limit: 25}},
		{"events/newest/region-name", store.EventFilter{Region: "province 5 of ukr", Newest: true, Limit: 25}},
		{"events/newest/country-UKR/actor-RUS", store.EventFilter{Country: "UKR", Actor: "RUS", Newest: true, Limit: 25}},
		{"events/newest/until-2019", store.EventFilter{Until: "2019-12-31", Newest: true, Limit: 25}},
		{"events/country-UKR/since-2024", store.EventFilter{Country: "UKR", Since: "2024-01-01", Limit: 50}},
		{"events/bbox-world/page", store.EventFilter{BBox: &store.BBox{MinLat: -90, MinLon: -180, MaxLat: 90, MaxLon: 180}, Limit: 1000}},
		{"events/bbox-small/page", store.EventFilter{BBox: &store.BBox{MinLat: 40, MinLon: 20, MaxLat: 45, MaxLon: 30}, Limit: 1000}},
		{"events/export/page", store.EventFilter{Limit: store.MaxLimit}},
		{"events/cluster", store.EventFilter{Cluster: first.Items[0].Cluster, Limit: 100}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			benchLoop(b, func() error { _, err := s.Events(ctx, tc.f); return err })
		})
	}
	if cc, ok := s.(store.CountryCounter); ok {
		for _, tc := range []struct {
			name string
			f    store.EventFilter
		}{
			{"countries/all", store.EventFilter{}},
			{"countries/since-2024", store.EventFilter{Since: "2024-01-01"}},
			{"countries/actor-RUS", store.EventFilter{Actor: "RUS"}},
			{"countries/RUS-PRK", store.EventFilter{Source: "RUS", Target: "PRK", Undirected: true}},
			{"countries/code-19", store.EventFilter{Code: "19"}},
			{"countries/actor-RUS/since-2024", store.EventFilter{Actor: "RUS", Since: "2024-01-01"}},
			{"countries/RUS-PRK/since-2023", store.EventFilter{Source: "RUS", Target: "PRK", Undirected: true, Since: "2023-01-01"}},
			{"countries/actor-RUSMIL", store.EventFilter{Actor: "RUSMIL"}},
			{"countries/code-194", store.EventFilter{Code: "194"}},
		} {
			b.Run(tc.name, func(b *testing.B) {
				benchLoop(b, func() error { _, err := cc.CountryCounts(ctx, tc.f); return err })
			})
		}
	}
	b.Run("stats", func(b *testing.B) {
		benchLoop(b, func() error { _, err := s.Stats(ctx); return err })
	})
	b.Run("alerts/page", func(b *testing.B) {
		benchLoop(b, func() error {
			if _, err := s.Alerts(ctx, 0, 100); err != nil {
				return err
			}
			_, err := s.AlertRules(ctx)
			return err
		})
	})
}

// benchLoop times fn and also reports the process's CPU time per call
// (cpu-ms/op): on a machine shared with other work the wall time
// includes waiting for a core, the CPU time does not.
func benchLoop(b *testing.B, fn func() error) {
	b.Helper()
	cpu0 := testutil.CPUTime()
	for b.Loop() {
		if err := fn(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(testutil.CPUTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkPut times PutArticle of generated articles, reporting
// articles/s, body MB/s and CPU milliseconds per article (steadier than
// wall time on a shared machine).
func BenchmarkPut(b *testing.B, s store.Store) {
	arts := Generate(b.N, uint64(time.Now().UnixNano()))
	var bytes int
	for _, a := range arts {
		bytes += len(a.Body)
	}
	b.SetBytes(int64(bytes / len(arts)))
	b.ResetTimer()
	cpu0 := testutil.CPUTime()
	for i := range b.N {
		if _, err := s.PutArticle(context.Background(), arts[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(testutil.CPUTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/article")
}

// BenchArticles reads the analysed articles of the file named by
// $SITREP_BENCH_ARTICLES, the JSON documents `sitrep extract --format
// json FILE` prints, for BenchmarkPutBatch; nil when it is unset.
func BenchArticles(b *testing.B) []*model.Article {
	path := os.Getenv("SITREP_BENCH_ARTICLES")
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var arts []*model.Article
	dec := json.NewDecoder(f)
	for {
		a := &model.Article{}
		if err := dec.Decode(a); err == io.EOF {
			break
		} else if err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		b.Fatalf("%s holds no article", path)
	}
	return arts
}

// BenchmarkPutBatch times PutArticles of batches of 64 articles (ingest
// and bench --store store 256), reporting articles/s and CPU
// milliseconds per article: generated articles, or those of
// $SITREP_BENCH_ARTICLES (see BenchArticles) over and over under fresh
// ids, so that every write is a real insert.
func BenchmarkPutBatch(b *testing.B, s store.Store) {
	bp, ok := s.(store.BatchPutter)
	if !ok {
		b.Skip("store has no PutArticles")
	}
	const batch = 64
	src := BenchArticles(b)
	if src == nil {
		src = Generate(b.N*batch, uint64(time.Now().UnixNano()))
	}
	arts := make([]*model.Article, b.N*batch)
	var bytes int
	for i := range arts {
		a := *src[i%len(src)]
		a.ID = fmt.Sprintf("%s-%d", a.ID, i)
		arts[i] = &a
		bytes += len(a.Body)
	}
	b.SetBytes(int64(bytes / b.N))
	b.ResetTimer()
	cpu0 := testutil.CPUTime()
	for i := range b.N {
		if _, err := bp.PutArticles(context.Background(), arts[i*batch:(i+1)*batch]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(testutil.CPUTime()-cpu0)/float64(time.Millisecond)/float64(b.N*batch), "cpu-ms/article")
}
