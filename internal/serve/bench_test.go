package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/testutil"
)

// The dashboard must stay fast on a store of 100,000 events: every page
// pages server-side, so these benchmarks should not grow with the store
// (the network page sums the dyads of a window of the most recent
// events). SITREP_BENCH_EVENTS changes the size (default 100000);
// SITREP_BENCH_DB names a store loaded by the store benchmarks to use
// instead (see docs/performance.md, "Store at ten million events").

var (
	bigOnce sync.Once
	bigSt   *sqlite.Store
	bigArt  *model.Article
	bigErr  error
)

func bigStore(b *testing.B) (*sqlite.Store, *model.Article) {
	b.Helper()
	bigOnce.Do(func() {
		n := 100000
		if s := os.Getenv("SITREP_BENCH_EVENTS"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		ctx := context.Background()
		if path := os.Getenv("SITREP_BENCH_DB"); path != "" {
			// A store the store benchmarks loaded (see
			// docs/performance.md), e.g. ten million events.
			opts := sqlite.DefaultOptions()
			opts.CacheKiB = 4 << 20
			bigSt, bigErr = sqlite.Open(ctx, path, opts)
			if bigErr == nil {
				bigArt = &model.Article{ID: "bench-000000", Events: []model.Event{{ID: "v0"}}}
			}
			return
		}
		dir, err := os.MkdirTemp("", "sitrep-bench")
		if err != nil {
			bigErr = err
			return
		}
		bigSt, bigErr = sqlite.Open(ctx, dir+"/big.db", sqlite.DefaultOptions())
		if bigErr != nil {
			return
		}
		w := loadWorld(b)
		// A few hundred real articles, then bulk events cloned from them
		// with shifted days, until the store holds n events.
		var arts []*model.Article
		for i := range 200 {
			a := genArticle(w, i, genOpts{})
			if _, err := bigSt.PutArticle(ctx, a); err != nil {
				bigErr = err
				return
			}
			arts = append(arts, a)
		}
		bigArt = arts[17]
		batch := make([]model.Event, 0, 5000)
		for i := 0; i < n-2*len(arts); i++ {
			a := arts[i%len(arts)]
			e := a.Events[i%2]
			e.ID = fmt.Sprintf("b%d", i)
			day := genBase.AddDate(0, 0, i%730).Format("2006-01-02")
			e.Date.Value = &day
			batch = append(batch, e)
			if len(batch) == cap(batch) {
				if bigErr = bigSt.BulkInsertEvents(ctx, fmt.Sprintf("bulk%03d", i/50000), batch); bigErr != nil {
					return
				}
				batch = batch[:0]
			}
		}
		if len(batch) > 0 {
			bigErr = bigSt.BulkInsertEvents(ctx, "bulk-last", batch)
		}
	})
	if bigErr != nil {
		b.Fatalf("big store: %v", bigErr)
	}
	return bigSt, bigArt
}

func benchGet(b *testing.B, path string) {
	st, _ := bigStore(b)
	s, err := New(st, DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	b.ResetTimer()
	cpu0 := testutil.CPUTime()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, benchRequest(path))
		if rec.Code != 200 {
			b.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body.String())
		}
	}
	reportCPU(b, cpu0)
}

// reportCPU reports the process's CPU time per page since cpu0
// (cpu-ms/op): on a shared machine the wall time includes waiting for a
// core, the CPU time does not.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(testutil.CPUTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func BenchmarkOverviewPage(b *testing.B)  { benchGet(b, "/") }
func BenchmarkOverviewDyad(b *testing.B)  { benchGet(b, "/?dyad=RUS,PRK&modality=asserted") }
func BenchmarkEventsAPIBBox(b *testing.B) { benchGet(b, "/api/events?bbox=-10,35,40,60&limit=1000") }
func BenchmarkTimelinePage(b *testing.B)  { benchGet(b, "/timeline?a=RUS&b=PRK&interval=week") }
func BenchmarkNetworkPage(b *testing.B)   { benchGet(b, "/network") }
func BenchmarkStats(b *testing.B)         { benchGet(b, "/api/stats") }

func BenchmarkEventPage(b *testing.B) {
	_, a := bigStore(b)
	benchGet(b, "/events/"+a.ID+":v1")
}

// BenchmarkNetworkPageUncached is the first visit: no cached network.
func BenchmarkNetworkPageUncached(b *testing.B) {
	st, _ := bigStore(b)
	b.ResetTimer()
	cpu0 := testutil.CPUTime()
	defer reportCPU(b, cpu0)
	for b.Loop() {
		s, err := New(st, DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, benchRequest("/network"))
		if rec.Code != 200 {
			b.Fatalf("%d", rec.Code)
		}
	}
}

// benchRequest is a GET of path as a browser on this machine sends it
// (the server answers only its own host names).
func benchRequest(path string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.Host = "localhost"
	return r
}
