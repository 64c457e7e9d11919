package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Run runs the behaviour suite. open must return a new, empty store for
// each call; Run closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	fresh := func(t *testing.T) store.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { _ = s.Close() })
		return s
	}
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, fresh(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, fresh(t)) })
	t.Run("Atomic", func(t *testing.T) { testAtomic(t, fresh(t)) })
	t.Run("Batch", func(t *testing.T) { testBatch(t, fresh(t), fresh(t)) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, fresh(t)) })
	t.Run("Clusters", func(t *testing.T) { testClusters(t, fresh(t)) })
	t.Run("ClusterWindow", func(t *testing.T) { testClusterWindow(t, fresh(t)) })
	t.Run("ClusterAtDateEdges", func(t *testing.T) { testClusterAtDateEdges(t, fresh(t)) })
	t.Run("ConcurrentReports", func(t *testing.T) { testConcurrentReports(t, fresh(t)) })
	t.Run("DenseFilters", func(t *testing.T) { testDenseFilters(t, fresh(t)) })
	t.Run("Alerts", func(t *testing.T) { testAlerts(t, fresh(t)) })
	t.Run("AlertOnce", func(t *testing.T) { testAlertOnce(t, fresh(t)) })
	t.Run("NearDuplicate", func(t *testing.T) { testNearDuplicate(t, fresh(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, fresh(t)) })
	t.Run("RegionAndRange", func(t *testing.T) { testRegionAndRange(t, fresh(t)) })
	t.Run("PagingUnderInserts", func(t *testing.T) { testPagingUnderInserts(t, fresh(t)) })

	// The query tests share one populated store.
	s := fresh(t)
	arts := Generate(60, 7)
	put(t, s, arts...)
	evs := refEvents(arts)
	t.Run("Articles", func(t *testing.T) { testArticles(t, s, arts) })
	t.Run("Events", func(t *testing.T) { testEvents(t, s, arts, evs) })
	t.Run("EachEvent", func(t *testing.T) { testEachEvent(t, s, evs) })
	t.Run("ClusterAssignment", func(t *testing.T) { testClusterAssignment(t, s, evs) })
	t.Run("ClusterFilters", func(t *testing.T) { testClusterFilters(t, s, evs) })
	t.Run("Entities", func(t *testing.T) { testEntities(t, s, arts) })
	t.Run("Quotes", func(t *testing.T) { testQuotes(t, s, arts) })
	t.Run("Timeline", func(t *testing.T) { testTimeline(t, s, evs) })
	t.Run("Newest", func(t *testing.T) { testNewest(t, s, evs) })
	t.Run("Country", func(t *testing.T) { testCountry(t, s, evs) })
	t.Run("CountrySums", func(t *testing.T) { testCountrySums(t, s) })
	t.Run("Boxes", func(t *testing.T) { testBoxes(t, s) })
	t.Run("DyadCounts", func(t *testing.T) { testDyadCounts(t, s) })
	t.Run("Precision", func(t *testing.T) { testPrecision(t, s, arts) })
	t.Run("Stats", func(t *testing.T) { testStats(t, s, arts) })
	t.Run("BadCursor", func(t *testing.T) { testBadCursor(t, s) })
}

func put(t *testing.T, s store.Store, arts ...*model.Article) {
	t.Helper()
	for _, a := range arts {
		res, err := s.PutArticle(context.Background(), a)
		if err != nil {
			t.Fatalf("PutArticle: %v", err)
		}
		if !res.Inserted || res.Events != len(a.Events) {
			t.Fatalf("PutArticle(%s) = %+v, want inserted with %d events", a.ID, res, len(a.Events))
		}
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func testRoundTrip(t *testing.T, s store.Store) {
	arts := Generate(5, 1)
	// Edge cases: nothing but a body; a body with multi-byte text and
	// nulls everywhere the contract allows them.
	bare := model.NewArticle()
	bare.Body = "Ni hao. Şehir merkezinde toplandılar — 12 kişi."
	bare.ID = model.ContentID(bare.Body)
	arts = append(arts, bare)
	put(t, s, arts...)
	for _, a := range arts {
		got, err := s.Article(context.Background(), a.ID)
		if err != nil {
			t.Fatalf("Article(%s): %v", a.ID, err)
		}
		want := *a
		want.Normalize()
		if g, w := jsonOf(t, got), jsonOf(t, &want); g != w {
			t.Errorf("Article(%s) round trip differs:\ngot  %s\nwant %s", a.ID, g, w)
		}
		if got.Fingerprint != a.Fingerprint {
			t.Errorf("fingerprint %x, want %x", got.Fingerprint, a.Fingerprint)
		}
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	arts := Generate(3, 2)
	put(t, s, arts...)
	before := stats(t, s)
	tl := func() string {
		p, err := s.Timeline(context.Background(), store.TimelineQuery{Interval: "day"})
		if err != nil {
			t.Fatal(err)
		}
		return jsonOf(t, p)
	}
	tlBefore := tl()
	for _, a := range arts {
		res, err := s.PutArticle(context.Background(), a)
		if err != nil {
			t.Fatalf("re-put: %v", err)
		}
		if res.Inserted || res.Events != 0 {
			t.Errorf("re-put = %+v, want not inserted", res)
		}
	}
	if after := stats(t, s); after != before {
		t.Errorf("stats changed on re-put: %+v -> %+v", before, after)
	}
	if tlBefore != tl() {
		t.Error("timeline changed on re-put")
	}
}

func testAtomic(t *testing.T, s store.Store) {
	ctx := context.Background()
	good := Generate(2, 3)
	put(t, s, good...)
	before := stats(t, s)

	// An article whose last event repeats an event id: the store must
	// fail on it after having written the article, its sentences,
	// entities and earlier events, and roll all of that back.
	bad := Build(Spec{Serial: 777, Published: "2024-05-01", Quote: true, Events: []EventSpec{
		{Source: Actors[0], Verb: Verbs[1], Target: &Actors[1], Day: "2024-05-01"},
		{Source: Actors[1], Verb: Verbs[2], Target: &Actors[0], Day: "2024-05-01"},
	}})
	bad.Events[1].ID = bad.Events[0].ID
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	for _, tc := range []struct {
		name string
		ctx  context.Context
	}{{"duplicate event id", ctx}, {"cancelled context", cancelled}} {
		if _, err := s.PutArticle(tc.ctx, bad); err == nil {
			t.Fatalf("%s: PutArticle succeeded", tc.name)
		}
		if _, err := s.Article(ctx, bad.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: Article after failed put: %v, want ErrNotFound", tc.name, err)
		}
		if after := stats(t, s); after != before {
			t.Errorf("%s: stats changed by a failed put: %+v -> %+v", tc.name, before, after)
		}
		p, err := s.Articles(ctx, store.ArticleFilter{Text: "777"})
		if err != nil || len(p.Items) != 0 {
			t.Errorf("%s: full-text index kept the failed article: %v %v", tc.name, p.Items, err)
		}
		tl, err := s.Timeline(ctx, store.TimelineQuery{A: "KEN", B: "NGA", Interval: "day", Since: "2024-05-01", Until: "2024-05-01"})
		if err != nil || len(tl) != 0 {
			t.Errorf("%s: dyad aggregates kept the failed article: %v %v", tc.name, tl, err)
		}
	}
	for _, a := range good {
		if _, err := s.Article(ctx, a.ID); err != nil {
			t.Errorf("earlier article lost: %v", err)
		}
	}
	// The fixed article goes in cleanly: nothing of the failed attempts
	// is in the way.
	bad.Events[1].ID = "v2"
	put(t, s, bad)
}

// testDenseFilters lists events of actors common enough that the store
// reads in date order instead of gathering and sorting (see sqlbase's
// dense), and checks every page against a filter applied in Go to the
// unfiltered listing.
func testDenseFilters(t *testing.T, s store.Store) {
	bi, ok := s.(BulkInserter)
	if !ok {
		t.Skip("store has no bulk insert")
	}
	ctx := context.Background()
	if err := bi.BulkInsertEvents(ctx, "dense", BulkEvents(24_000, 3, 0, 400)); err != nil {
		t.Fatal(err)
	}
	all := pageAll(t, store.MaxLimit, func(c string) (store.Page[store.EventRecord], error) {
		return s.Events(ctx, store.EventFilter{Limit: store.MaxLimit, Cursor: c})
	})
	target := func(r store.EventRecord) string {
		if r.Target == nil {
			return ""
		}
		return r.Target.Code
	}
	for _, tc := range []struct {
		name  string
		f     store.EventFilter
		match func(r store.EventRecord) bool
	}{
		{"actor", store.EventFilter{Actor: "RUS"}, func(r store.EventRecord) bool {
			return strings.HasPrefix(r.Source.Code, "RUS") || strings.HasPrefix(target(r), "RUS")
		}},
		{"source since", store.EventFilter{Source: "RUS", Since: "2015-03-01"}, func(r store.EventRecord) bool {
			return strings.HasPrefix(r.Source.Code, "RUS") && r.Day >= "2015-03-01"
		}},
		{"target until", store.EventFilter{Target: "RUS", Until: "2015-12-31"}, func(r store.EventRecord) bool {
			return strings.HasPrefix(target(r), "RUS") && r.Day <= "2015-12-31"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want []string
			for _, r := range all {
				if tc.match(r) {
					want = append(want, r.Key)
				}
			}
			if len(want) < 2000 {
				t.Fatalf("only %d events match: not a dense filter", len(want))
			}
			got := pageAll(t, 500, func(c string) (store.Page[store.EventRecord], error) {
				f := tc.f
				f.Limit, f.Cursor = 500, c
				return s.Events(ctx, f)
			})
			if g := eventKeys(got); !slices.Equal(g, want) {
				t.Errorf("got %d events, want %d", len(g), len(want))
			}
			// Every bulk event is its own cluster: the first pages of
			// clusters are the first matching events.
			var ids []string
			cursor := ""
			for range 3 {
				f := tc.f
				f.Limit, f.Cursor = 100, cursor
				p, err := s.Clusters(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range p.Items {
					ids = append(ids, c.ID)
				}
				cursor = p.Next
			}
			if !slices.Equal(ids, want[:300]) {
				t.Errorf("first 300 clusters differ from the first matching events")
			}
		})
	}
}

// testClusterFilters pages through filtered cluster listings and checks
// them against the reference: the clusters with a matching report,
// ordered by their first report, counting the matching reports.
func testClusterFilters(t *testing.T, s store.Store, evs []refEvent) {
	ctx := context.Background()
	byKey := map[string]refEvent{}
	for _, r := range evs {
		byKey[r.key] = r
	}
	for _, f := range []store.EventFilter{
		{Actor: "RUS"},
		{Source: "RUS", Target: "UKR", Undirected: true},
		// Dyads alone, with at most a root, read the clusters' heads.
		{Source: "RUS", Target: "UKR"},
		{Source: "UKR", Target: "RUS", Undirected: true, Code: "0"},
		{Source: "R", Target: "U", Undirected: true},
		{Code: "1", Since: "2024-04-01"},
		{Modality: []string{"asserted"}, Until: "2024-04-15"},
	} {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			reports := map[string]int{}
			for _, r := range evs {
				if r.matches(f) {
					reports[r.cluster]++
				}
			}
			var want []string
			for id := range reports {
				want = append(want, id)
			}
			sort.Slice(want, func(i, j int) bool {
				a, b := byKey[want[i]], byKey[want[j]]
				if a.day != b.day {
					return a.day < b.day
				}
				return a.key < b.key
			})
			if len(want) < 3 {
				t.Fatalf("only %d clusters match: too few to page", len(want))
			}
			got := pageAll(t, 2, func(c string) (store.Page[store.Cluster], error) {
				g := f
				g.Limit, g.Cursor = 2, c
				return s.Clusters(ctx, g)
			})
			var ids []string
			for _, c := range got {
				ids = append(ids, c.ID)
				if c.Reports != reports[c.ID] {
					t.Errorf("cluster %s: %d matching reports, want %d", c.ID, c.Reports, reports[c.ID])
				}
			}
			if !slices.Equal(ids, want) {
				t.Errorf("clusters\ngot  %v\nwant %v", ids, want)
			}
		})
	}
}

// testConcurrentReports stores reports of one new event from many
// goroutines at once: they must end up in one cluster.
func testConcurrentReports(t *testing.T, s store.Store) {
	ctx := context.Background()
	rus, ukr, kharkiv := Actors[6], Actors[5], Places[4]
	const writers = 8
	arts := make([]*model.Article, writers)
	for i := range arts {
		arts[i] = Build(Spec{Serial: 100 + i, Published: "2024-06-01", Events: []EventSpec{
			{Source: rus, Verb: Verbs[8], Target: &ukr, Place: &kharkiv, Day: "2024-06-01"},
		}})
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for _, a := range arts {
		wg.Go(func() {
			if _, err := s.PutArticle(ctx, a); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("PutArticle: %v", err)
	}
	c, err := s.Clusters(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Items) != 1 || c.Items[0].Reports != writers || c.Items[0].Articles != writers {
		t.Errorf("%d concurrent reports of one event gave %d clusters: %s", writers, len(c.Items), jsonOf(t, c.Items))
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	arts := Generate(4, 4)
	const workers = 6
	var wg sync.WaitGroup
	var mu sync.Mutex
	inserted := map[string]int{}
	errs := make(chan error, workers*len(arts))
	for w := range workers {
		wg.Go(func() {
			for i := range arts {
				a := arts[(i+w)%len(arts)]
				res, err := s.PutArticle(context.Background(), a)
				if err != nil {
					errs <- err
					continue
				}
				if res.Inserted {
					mu.Lock()
					inserted[a.ID]++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent PutArticle: %v", err)
	}
	nev := 0
	for _, a := range arts {
		nev += len(a.Events)
		if inserted[a.ID] != 1 {
			t.Errorf("article %s inserted %d times, want 1", a.ID, inserted[a.ID])
		}
	}
	if st := stats(t, s); st.Articles != len(arts) || st.Events != nev {
		t.Errorf("stats = %+v, want %d articles, %d events", st, len(arts), nev)
	}
}

// attackOn is one Russian attack on Ukraine near Kharkiv reported for day:
// reports of it cluster when their days are within the window.
func attackOn(day string) EventSpec {
	ukr, kharkiv := Actors[5], Places[4]
	return EventSpec{Source: Actors[6], Verb: Verbs[8], Target: &ukr, Place: &kharkiv, Day: day}
}

// testClusterWindow checks that a cluster spans the window around its
// first report only (daily reports of a campaign don't chain into one
// event), and that two reports in one article share a cluster.
func testClusterWindow(t *testing.T, s store.Store) {
	ctx := context.Background()
	ev := attackOn
	arts := []*model.Article{
		Build(Spec{Serial: 1, Published: "2024-05-01", Events: []EventSpec{ev("2024-05-01"), ev("2024-05-02")}}),
		Build(Spec{Serial: 2, Published: "2024-05-03", Events: []EventSpec{ev("2024-05-03")}}),
		// Two days after the second report but four after the first.
		Build(Spec{Serial: 3, Published: "2024-05-05", Events: []EventSpec{ev("2024-05-05")}}),
	}
	put(t, s, arts...)
	want := map[string]string{
		arts[0].ID + ":v1": arts[0].ID + ":v1",
		arts[0].ID + ":v2": arts[0].ID + ":v1", // same article
		arts[1].ID + ":v1": arts[0].ID + ":v1",
		arts[2].ID + ":v1": arts[2].ID + ":v1", // outside the first report's window
	}
	p, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != len(want) {
		t.Fatalf("got %d events, want %d", len(p.Items), len(want))
	}
	for _, r := range p.Items {
		if r.Cluster != want[r.Key] {
			t.Errorf("event %s in cluster %s, want %s", r.Key, r.Cluster, want[r.Key])
		}
	}
	c, err := s.Clusters(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Items) != 2 || c.Items[0].Reports != 3 || c.Items[0].Articles != 2 {
		t.Errorf("clusters = %s, want one of 3 reports in 2 articles and one single", jsonOf(t, c.Items))
	}
}

// testClusterAtDateEdges: reports of one event on the last days of 9999
// or the first of 0000 cluster as on any other day (the window's far
// bound is past what YYYY-MM-DD can write).
func testClusterAtDateEdges(t *testing.T, s store.Store) {
	ctx := context.Background()
	ev := attackOn
	for _, days := range [][2]string{{"9999-12-30", "9999-12-31"}, {"0000-01-01", "0000-01-02"}} {
		arts := []*model.Article{
			Build(Spec{Serial: 1, Published: days[0], Events: []EventSpec{ev(days[0])}}),
			Build(Spec{Serial: 2, Published: days[1], Events: []EventSpec{ev(days[1])}}),
		}
		put(t, s, arts...)
		p, err := s.Events(ctx, store.EventFilter{Since: days[0], Until: days[1]})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != 2 || p.Items[0].Cluster != p.Items[1].Cluster {
			t.Errorf("%v: events %s, want two in one cluster", days, jsonOf(t, p.Items))
		}
	}
}

func testClusters(t *testing.T, s store.Store) {
	ctx := context.Background()
	rus, ukr, kharkiv, un := Actors[6], Actors[5], Places[4], Actors[11]
	attack := Verbs[8]
	a1 := Build(Spec{Serial: 1, Published: "2024-05-03", Events: []EventSpec{
		{Source: rus, Verb: attack, Target: &ukr, Place: &kharkiv, Day: "2024-05-03"},
		{Source: un, Verb: Verbs[0], Day: "2024-05-03"},
	}})
	// A second report a day later, denied, more precise CAMEO code.
	a2 := Build(Spec{Serial: 2, Published: "2024-05-04", Events: []EventSpec{
		{Source: rus, Verb: Verbs[9], Target: &ukr, Place: &kharkiv, Day: "2024-05-04", Modality: model.ModalityDenied},
	}})
	// Same actors a week later: another real-world event.
	a3 := Build(Spec{Serial: 3, Published: "2024-05-11", Events: []EventSpec{
		{Source: rus, Verb: attack, Target: &ukr, Place: &kharkiv, Day: "2024-05-11"},
	}})
	// Same day, other country: another event.
	manila := Places[6]
	a4 := Build(Spec{Serial: 4, Published: "2024-05-03", Events: []EventSpec{
		{Source: rus, Verb: attack, Target: &ukr, Place: &manila, Day: "2024-05-02"},
	}})
	put(t, s, a1, a2, a3, a4)
	p, err := s.Clusters(ctx, store.EventFilter{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	var all []store.Cluster
	for {
		all = append(all, p.Items...)
		if p.Next == "" {
			break
		}
		if p, err = s.Clusters(ctx, store.EventFilter{Limit: 2, Cursor: p.Next}); err != nil {
			t.Fatal(err)
		}
	}
	byID := map[string]store.Cluster{}
	for _, c := range all {
		byID[c.ID] = c
	}
	if len(all) != 4 || len(byID) != 4 {
		t.Fatalf("got %d clusters (%d distinct), want 4: %s", len(all), len(byID), jsonOf(t, all))
	}
	c := byID[a1.ID+":v1"]
	if c.Reports != 2 || c.Articles != 2 || !slices.Equal(c.Modalities, []string{"asserted", "denied"}) {
		t.Errorf("merged cluster = %+v, want 2 reports in 2 articles, asserted+denied", c)
	}
	if c.First.Key != a1.ID+":v1" || c.First.Cameo != "190" || c.First.ArticleID != a1.ID {
		t.Errorf("cluster first report = %+v", c.First)
	}
	for _, id := range []string{a1.ID + ":v2", a3.ID + ":v1", a4.ID + ":v1"} {
		if c := byID[id]; c.Reports != 1 || c.Articles != 1 {
			t.Errorf("cluster %s = %+v, want a single report", id, c)
		}
	}
	ev, err := s.Events(ctx, store.EventFilter{Cluster: a1.ID + ":v1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Items) != 2 || ev.Items[1].Key != a2.ID+":v1" || ev.Items[1].Cluster != a1.ID+":v1" {
		t.Errorf("events of cluster = %s", jsonOf(t, ev.Items))
	}
	// Filters apply to reports: only the denied report matches.
	p, err = s.Clusters(ctx, store.EventFilter{Modality: []string{"denied"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 || p.Items[0].Reports != 1 || p.Items[0].ID != a1.ID+":v1" {
		t.Errorf("denied clusters = %s", jsonOf(t, p.Items))
	}
}

func testAlerts(t *testing.T, s store.Store) {
	ctx := context.Background()
	if rules, err := s.AlertRules(ctx); err != nil || len(rules) != 0 {
		t.Fatalf("AlertRules on empty store = %v, %v", rules, err)
	}
	if _, err := s.AddAlertRule(ctx, store.AlertRule{Name: "bad", Kind: "bogus"}); err == nil {
		t.Error("AddAlertRule accepted an unknown kind")
	}
	r1, err := s.AddAlertRule(ctx, store.AlertRule{Name: "india-pakistan fighting", Kind: store.RuleNewEvent, Source: "IND", Target: "PAK", Code: "19"})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := s.AddAlertRule(ctx, store.AlertRule{Name: "sahel spike", Kind: store.RuleSigma, Source: "NGA", K: 3, Window: 28, Webhook: "http://127.0.0.1:9/hook"})
	if err != nil {
		t.Fatal(err)
	}
	if r1.ID == 0 || r2.ID <= r1.ID || r1.Created.IsZero() {
		t.Errorf("rule ids/created: %+v %+v", r1, r2)
	}
	rules, err := s.AlertRules(ctx)
	if err != nil || len(rules) != 2 {
		t.Fatalf("AlertRules = %v, %v", rules, err)
	}
	if !rules[1].Created.Equal(r2.Created) {
		t.Errorf("created %v, want %v", rules[1].Created, r2.Created)
	}
	rules[1].Created = r2.Created
	if jsonOf(t, rules[1]) != jsonOf(t, r2) {
		t.Errorf("stored rule %s, want %s", jsonOf(t, rules[1]), jsonOf(t, r2))
	}
	if err := s.DeleteAlertRule(ctx, r1.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAlertRule(ctx, r1.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	if rules, _ := s.AlertRules(ctx); len(rules) != 1 || rules[0].ID != r2.ID {
		t.Errorf("rules after delete = %v", rules)
	}
	var ids []int64
	for i := range 5 {
		a, err := s.PutAlert(ctx, store.Alert{RuleID: r2.ID, RuleName: r2.Name, Message: fmt.Sprintf("spike %d", i), EventKey: "x:v1"})
		if err != nil {
			t.Fatal(err)
		}
		if a.FiredAt.IsZero() {
			t.Error("PutAlert left FiredAt zero")
		}
		ids = append(ids, a.ID)
	}
	for _, tc := range []struct {
		after int64
		limit int
		want  []int64
	}{
		{0, 0, ids},
		{ids[1], 0, ids[2:]},
		{0, 2, ids[:2]},
		{ids[4], 10, nil},
	} {
		got, err := s.Alerts(ctx, tc.after, tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []int64
		for _, a := range got {
			gotIDs = append(gotIDs, a.ID)
		}
		if !slices.Equal(gotIDs, tc.want) {
			t.Errorf("Alerts(%d, %d) = %v, want %v", tc.after, tc.limit, gotIDs, tc.want)
		}
	}
	if got, _ := s.Alerts(ctx, ids[2], 1); len(got) != 1 || got[0].Message != "spike 3" || got[0].RuleName != r2.Name {
		t.Errorf("alert fields = %+v", got)
	}
}

func testNearDuplicate(t *testing.T, s store.Store) {
	ctx := context.Background()
	arts := Generate(3, 5)
	arts[0].Fingerprint = 0xF0F0_0000_FFFF_1234
	arts[1].Fingerprint = 0x0000_0000_0000_0000 // none
	arts[2].Fingerprint = 0x0123_4567_89AB_CDEF
	put(t, s, arts...)
	for _, tc := range []struct {
		fp   uint64
		max  int
		want string
	}{
		{0xF0F0_0000_FFFF_1234, 0, arts[0].ID},
		{0xF0F0_0000_FFFF_1234 ^ 0b1011, 3, arts[0].ID},              // 3 bits, one band
		{0xF0F0_0000_FFFF_1234 ^ (1 | 1<<16 | 1<<32), 3, arts[0].ID}, // 3 bits in three bands
		{0xF0F0_0000_FFFF_1234 ^ (1 | 1<<16 | 1<<32 | 1<<48), 3, ""}, // 4 bits
		{0xF0F0_0000_FFFF_1234 ^ (1 | 1<<16 | 1<<32 | 1<<48 | 1<<20), 6, arts[0].ID},
		{0x0123_4567_89AB_CDEF ^ 1<<63, 1, arts[2].ID},
		{0, 3, ""},
		{0xAAAA_AAAA_AAAA_AAAA, 3, ""},
	} {
		got, err := s.NearDuplicate(ctx, tc.fp, tc.max)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("NearDuplicate(%016x, %d) = %q, want %q", tc.fp, tc.max, got, tc.want)
		}
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, "no-such-article"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article: %v, want ErrNotFound", err)
	}
	if err := s.DeleteAlertRule(ctx, 4242); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DeleteAlertRule: %v, want ErrNotFound", err)
	}
	if st := stats(t, s); st != (store.Stats{}) {
		t.Errorf("empty store stats = %+v", st)
	}
	if p, err := s.Events(ctx, store.EventFilter{}); err != nil || len(p.Items) != 0 || p.Next != "" || p.Items == nil {
		t.Errorf("Events on empty store = %+v, %v", p, err)
	}
	if tl, err := s.Timeline(ctx, store.TimelineQuery{}); err != nil || len(tl) != 0 {
		t.Errorf("Timeline on empty store = %v, %v", tl, err)
	}
}

// pageAll walks all pages of a listing, checking page sizes.
func pageAll[T any](t *testing.T, limit int, get func(cursor string) (store.Page[T], error)) []T {
	t.Helper()
	var all []T
	cursor := ""
	for range 10000 {
		p, err := get(cursor)
		if err != nil {
			t.Fatalf("page: %v", err)
		}
		if len(p.Items) > limit || (p.Next != "" && len(p.Items) != limit) {
			t.Fatalf("page of %d items with next %q, limit %d", len(p.Items), p.Next, limit)
		}
		all = append(all, p.Items...)
		if p.Next == "" {
			return all
		}
		cursor = p.Next
	}
	t.Fatal("paging does not end")
	return nil
}

func testArticles(t *testing.T, s store.Store, arts []*model.Article) {
	ctx := context.Background()
	ids := func(items []store.ArticleSummary) []string {
		var out []string
		for _, a := range items {
			out = append(out, a.ID)
		}
		return out
	}
	// Newest publication day first, undated last, then newest stored.
	order := make([]int, len(arts))
	for i := range order {
		order[i] = i
	}
	pubDay := func(i int) string { return store.DayOf(model.Deref(arts[i].Published.Date)) }
	sort.SliceStable(order, func(x, y int) bool {
		if dx, dy := pubDay(order[x]), pubDay(order[y]); dx != dy {
			return dx > dy
		}
		return order[x] > order[y]
	})
	var newestFirst []string
	for _, i := range order {
		newestFirst = append(newestFirst, arts[i].ID)
	}
	got := pageAll(t, 7, func(c string) (store.Page[store.ArticleSummary], error) {
		return s.Articles(ctx, store.ArticleFilter{Limit: 7, Cursor: c})
	})
	if !slices.Equal(ids(got), newestFirst) {
		t.Errorf("paged articles (%d) are not all articles newest first (%d)", len(got), len(newestFirst))
	}
	last := arts[order[0]]
	sum := got[0]
	if sum.Title != *last.Title || sum.URL != *last.URL || sum.Source != last.Source ||
		sum.Published != model.Deref(last.Published.Date) || sum.Sentences != len(last.Sentences) ||
		sum.Entities != len(last.Entities) || sum.Events != len(last.Events) || sum.IngestedAt.IsZero() {
		t.Errorf("summary %+v does not match article", sum)
	}
	if p, err := s.Articles(ctx, store.ArticleFilter{Limit: 5000}); err != nil || len(p.Items) != len(arts) {
		t.Errorf("Limit above MaxLimit: %d items, %v", len(p.Items), err)
	}
	if p, err := s.Articles(ctx, store.ArticleFilter{}); err != nil || len(p.Items) != min(len(arts), store.DefaultLimit) {
		t.Errorf("default limit: %d items, %v", len(p.Items), err)
	}

	word := func(a *model.Article) string { return fmt.Sprint(a.Quantities[0].Value) }
	for _, tc := range []struct {
		name string
		f    store.ArticleFilter
		want func(a *model.Article) bool
	}{
		{"unique number in body", store.ArticleFilter{Text: word(arts[10])}, func(a *model.Article) bool { return a == arts[10] }},
		{"title words, any case", store.ArticleFilter{Text: "signed TRADE"}, func(a *model.Article) bool {
			b := strings.ToLower(*a.Title + " " + a.Body)
			return strings.Contains(b, "signed") && strings.Contains(b, "trade")
		}},
		{"words from different sentences", store.ArticleFilter{Text: word(arts[10]) + " officials"},
			func(a *model.Article) bool { return a == arts[10] }},
		{"no match", store.ArticleFilter{Text: "zeppelin"}, func(*model.Article) bool { return false }},
		{"punctuation only is no filter", store.ArticleFilter{Text: "?!"}, func(*model.Article) bool { return true }},
		{"since/until", store.ArticleFilter{Since: "2024-04-01", Until: "2024-04-30"}, func(a *model.Article) bool {
			d := model.Deref(a.Published.Date)
			return d >= "2024-04-01" && d <= "2024-04-30"
		}},
		{"until month", store.ArticleFilter{Until: "2024-03"}, func(a *model.Article) bool {
			d := model.Deref(a.Published.Date)
			return d != "" && d <= "2024-03-31"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want []string
			for _, i := range order {
				if tc.want(arts[i]) {
					want = append(want, arts[i].ID)
				}
			}
			got := pageAll(t, 4, func(c string) (store.Page[store.ArticleSummary], error) {
				f := tc.f
				f.Limit, f.Cursor = 4, c
				return s.Articles(ctx, f)
			})
			if !slices.Equal(ids(got), want) {
				t.Errorf("got %d articles, want %d", len(got), len(want))
			}
		})
	}
}

func eventKeys(items []store.EventRecord) []string {
	out := []string{}
	for _, e := range items {
		out = append(out, e.Key)
	}
	return out
}

func testEvents(t *testing.T, s store.Store, arts []*model.Article, evs []refEvent) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		f    store.EventFilter
	}{
		{"all", store.EventFilter{}},
		{"actor prefix", store.EventFilter{Actor: "NGA"}},
		{"actor full code", store.EventFilter{Actor: "RUSMIL"}},
		{"source", store.EventFilter{Source: "KEN"}},
		{"target", store.EventFilter{Target: "UKR"}},
		{"dyad directed", store.EventFilter{Source: "RUS", Target: "UKR"}},
		{"dyad undirected", store.EventFilter{Source: "RUS", Target: "UKR", Undirected: true}},
		{"source undirected", store.EventFilter{Source: "IND", Undirected: true}},
		{"dyad full codes", store.EventFilter{Source: "RUSMIL", Target: "UKR", Undirected: true}},
		{"dyad with code and dates", store.EventFilter{Source: "UKR", Target: "RUS", Undirected: true, Code: "0",
			Since: "2024-03-15", Until: "2024-06-30"}},
		{"dyad with modality", store.EventFilter{Source: "RUS", Target: "UKR", Modality: []string{"asserted"}}},
		{"dyad with text", store.EventFilter{Source: "RUS", Target: "UKR", Undirected: true, Text: "humanitarian"}},
		{"code prefix", store.EventFilter{Code: "19"}},
		{"code root", store.EventFilter{Code: "1"}},
		{"code full", store.EventFilter{Code: "1663"}},
		{"modality", store.EventFilter{Modality: []string{"denied", "alleged"}}},
		{"since", store.EventFilter{Since: "2024-05-01"}},
		{"until", store.EventFilter{Until: "2024-03-15"}},
		{"since until", store.EventFilter{Since: "2024-04-01", Until: "2024-04-10"}},
		{"bbox africa", store.EventFilter{BBox: &store.BBox{MinLat: -35, MinLon: -20, MaxLat: 37, MaxLon: 52}}},
		{"text", store.EventFilter{Text: "humanitarian aid"}},
		{"text case", store.EventFilter{Text: "KHARKIV"}},
		{"article", store.EventFilter{ArticleID: arts[5].ID}},
		{"combined", store.EventFilter{Actor: "RUS", Code: "1", Modality: []string{"asserted"}, Since: "2024-03-10"}},
		{"nothing", store.EventFilter{Source: "ZZZ"}},
		{"nothing dyad", store.EventFilter{Source: "RUS", Target: "ZZZ"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := refSelect(evs, tc.f)
			if len(want) == 0 && !strings.HasPrefix(tc.name, "nothing") {
				t.Fatalf("test data has no event for %+v", tc.f)
			}
			for _, limit := range []int{5, store.MaxLimit} {
				got := pageAll(t, limit, func(c string) (store.Page[store.EventRecord], error) {
					f := tc.f
					f.Limit, f.Cursor = limit, c
					return s.Events(ctx, f)
				})
				if g := eventKeys(got); !slices.Equal(g, want) {
					t.Errorf("limit %d: got %d events, want %d\ngot  %v\nwant %v", limit, len(g), len(want), g, want)
				}
			}
		})
	}
	// Record fields.
	a := arts[0]
	p, err := s.Events(ctx, store.EventFilter{ArticleID: a.ID})
	if err != nil || len(p.Items) != len(a.Events) {
		t.Fatalf("events of article: %v %v", p.Items, err)
	}
	for _, rec := range p.Items {
		i := slices.IndexFunc(a.Events, func(e model.Event) bool { return a.ID+":"+e.ID == rec.Key })
		if i < 0 {
			t.Fatalf("unknown event %s", rec.Key)
		}
		e := a.Events[i]
		if jsonOf(t, rec.Event) != jsonOf(t, e) {
			t.Errorf("event %s differs:\ngot  %s\nwant %s", rec.Key, jsonOf(t, rec.Event), jsonOf(t, e))
		}
		sent := a.Sentences[e.Sentence]
		if rec.ArticleID != a.ID || rec.ArticleTitle != *a.Title || rec.ArticleURL != *a.URL || rec.SentenceText != sent.Text ||
			rec.SentenceStart != sent.Start || rec.Day != store.EventDay(&e) {
			t.Errorf("record context %+v", rec)
		}
		if name := entityName(a, e.Source.Entity); rec.SourceName != name {
			t.Errorf("source name %q, want %q", rec.SourceName, name)
		}
		if e.Target != nil && rec.TargetName != entityName(a, e.Target.Entity) {
			t.Errorf("target name %q", rec.TargetName)
		}
	}
	// Paging is stable while new events arrive.
	f := store.EventFilter{Limit: 10}
	first, err := s.Events(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	// Nothing is inserted here: the shared store must stay as the
	// reference computes it. Stability under inserts follows from keyset
	// cursors and is exercised by testArticles' ordering.
	f.Cursor = first.Next
	second, err := s.Events(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	want := refSelect(evs, store.EventFilter{})
	if g := append(eventKeys(first.Items), eventKeys(second.Items)...); !slices.Equal(g, want[:20]) {
		t.Errorf("first two pages = %v", g)
	}
}

func entityName(a *model.Article, id *string) string {
	for _, e := range a.Entities {
		if id != nil && e.ID == *id {
			return e.Name
		}
	}
	return ""
}

func testEachEvent(t *testing.T, s store.Store, evs []refEvent) {
	ctx := context.Background()
	f := store.EventFilter{Actor: "RUS", Limit: 3, Cursor: "ignored"}
	want := refSelect(evs, store.EventFilter{Actor: "RUS"})
	var got []string
	if err := s.EachEvent(ctx, f, func(r store.EventRecord) error {
		got = append(got, r.Key)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("EachEvent = %d events, want %d", len(got), len(want))
	}
	stop := errors.New("stop")
	n := 0
	err := s.EachEvent(ctx, store.EventFilter{}, func(store.EventRecord) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("EachEvent with failing fn: %v after %d", err, n)
	}
}

func testClusterAssignment(t *testing.T, s store.Store, evs []refEvent) {
	want := map[string]string{}
	reports := map[string]int{}
	for _, r := range evs {
		want[r.key] = r.cluster
		reports[r.cluster]++
	}
	err := s.EachEvent(context.Background(), store.EventFilter{}, func(r store.EventRecord) error {
		if r.Cluster != want[r.Key] {
			t.Errorf("event %s in cluster %s, want %s", r.Key, r.Cluster, want[r.Key])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cl := pageAll(t, 13, func(c string) (store.Page[store.Cluster], error) {
		return s.Clusters(context.Background(), store.EventFilter{Limit: 13, Cursor: c})
	})
	if len(cl) != len(reports) {
		t.Errorf("%d clusters, want %d", len(cl), len(reports))
	}
	merged := 0
	for _, c := range cl {
		if c.Reports != reports[c.ID] {
			t.Errorf("cluster %s has %d reports, want %d", c.ID, c.Reports, reports[c.ID])
		}
		if c.Reports > 1 {
			merged++
		}
	}
	if merged == 0 {
		t.Error("test data has no merged cluster")
	}
	// A filter that keeps every report must list the same clusters as no
	// filter (which reads the maintained clusters table instead).
	all := []string{"asserted", "future", "possible", "denied", "alleged", "habitual", "negated"}
	filtered := pageAll(t, 13, func(c string) (store.Page[store.Cluster], error) {
		return s.Clusters(context.Background(), store.EventFilter{Modality: all, Limit: 13, Cursor: c})
	})
	if jsonOf(t, filtered) != jsonOf(t, cl) {
		t.Error("clusters listed with an all-matching filter differ from the unfiltered listing")
	}
}

func testEntities(t *testing.T, s store.Store, arts []*model.Article) {
	ctx := context.Background()
	type key struct{ name, typ, code string }
	want := map[key]store.EntitySummary{}
	seen := map[key]map[string]bool{}
	for _, a := range arts {
		for _, e := range a.Entities {
			k := key{e.Name, e.Type, model.Deref(e.Code)}
			w := want[k]
			w.Name, w.Type, w.Code, w.Country = k.name, k.typ, k.code, model.Deref(e.Country)
			w.Lat, w.Lon = e.Lat, e.Lon
			w.Mentions += len(e.Mentions)
			if seen[k] == nil {
				seen[k] = map[string]bool{}
			}
			seen[k][a.ID] = true
			w.Articles = len(seen[k])
			want[k] = w
		}
	}
	for _, tc := range []struct {
		name string
		f    store.EntityFilter
		keep func(store.EntitySummary) bool
	}{
		{"all", store.EntityFilter{}, func(store.EntitySummary) bool { return true }},
		{"name substring any case", store.EntityFilter{Name: "ARMY"}, func(e store.EntitySummary) bool {
			return strings.Contains(strings.ToLower(e.Name), "army")
		}},
		{"type", store.EntityFilter{Type: model.TypePlace}, func(e store.EntitySummary) bool { return e.Type == model.TypePlace }},
		{"code prefix", store.EntityFilter{Code: "RUS"}, func(e store.EntitySummary) bool { return strings.HasPrefix(e.Code, "RUS") }},
		{"like metacharacters are literal", store.EntityFilter{Name: "%"}, func(store.EntitySummary) bool { return false }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var exp []store.EntitySummary
			for _, e := range want {
				if tc.keep(e) {
					exp = append(exp, e)
				}
			}
			sort.Slice(exp, func(i, j int) bool {
				a, b := exp[i], exp[j]
				if a.Name != b.Name {
					return a.Name < b.Name
				}
				if a.Type != b.Type {
					return a.Type < b.Type
				}
				return a.Code < b.Code
			})
			got := pageAll(t, 4, func(c string) (store.Page[store.EntitySummary], error) {
				f := tc.f
				f.Limit, f.Cursor = 4, c
				return s.Entities(ctx, f)
			})
			if jsonOf(t, got) != jsonOf(t, exp) && !(len(got) == 0 && len(exp) == 0) {
				t.Errorf("got %s\nwant %s", jsonOf(t, got), jsonOf(t, exp))
			}
		})
	}
}

func testQuotes(t *testing.T, s store.Store, arts []*model.Article) {
	ctx := context.Background()
	type q struct{ article, speaker string }
	var all []q
	for _, a := range arts {
		for _, qu := range a.Quotes {
			all = append(all, q{a.ID, entityName(a, qu.Speaker)})
		}
	}
	for _, tc := range []struct {
		name string
		f    store.QuoteFilter
		keep func(q) bool
	}{
		{"all", store.QuoteFilter{}, func(q) bool { return true }},
		{"speaker", store.QuoteFilter{Speaker: "lavrov"}, func(x q) bool { return x.speaker == "Sergei Lavrov" }},
		{"article", store.QuoteFilter{ArticleID: all[0].article}, func(x q) bool { return x.article == all[0].article }},
		{"text", store.QuoteFilter{Text: "INCURSIONS"}, func(q) bool { return true }},
		{"text no match", store.QuoteFilter{Text: "ceasefire"}, func(q) bool { return false }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want []q
			for _, x := range all {
				if tc.keep(x) {
					want = append(want, x)
				}
			}
			got := pageAll(t, 3, func(c string) (store.Page[store.QuoteRecord], error) {
				f := tc.f
				f.Limit, f.Cursor = 3, c
				return s.Quotes(ctx, f)
			})
			var g []q
			for _, r := range got {
				g = append(g, q{r.ArticleID, r.SpeakerName})
				if r.Speaker == nil || r.Text == "" || r.SpeakerCode == "" {
					t.Errorf("quote record %+v", r)
				}
			}
			if !slices.Equal(g, want) {
				t.Errorf("got %v\nwant %v", g, want)
			}
		})
	}
}

func testTimeline(t *testing.T, s store.Store, evs []refEvent) {
	ctx := context.Background()
	for _, tc := range []store.TimelineQuery{
		{Interval: "day"},
		{A: "RUS", Interval: "day"},
		{A: "RUS", B: "UKR", Directed: true, Interval: "day"},
		{A: "RUS", B: "UKR", Interval: "day"},
		{A: "UKR", B: "RUS", Interval: "week"},
		{A: "NGA", Interval: "week", Directed: true},
		{B: "UKR", Interval: "day", Directed: true},
		{A: "IND", Interval: "week", Code: "1"},
		{B: "CHN", Interval: "day", Code: "19"},
		{Interval: "day", Code: "1663"},
		// Codes finer than a root read the sums by full code.
		{A: "RUS", B: "UKR", Interval: "day", Code: "040"},
		{A: "UKR", Interval: "week", Code: "112"},
		{A: "RUS", Interval: "week", Directed: true, Code: "042"},
		{B: "UKR", Interval: "month", Directed: true, Code: "040", Since: "2024-04-01"},
		{A: "R", B: "U", Interval: "day", Code: "051"},
		{A: "KEN", Interval: "week", Since: "2024-04-01", Until: "2024-04-30"},
		// Prefixes longer than a country code read the full-code aggregates.
		{A: "RUSMIL", B: "UKR", Interval: "day"},
		{A: "NGAMIL", Interval: "week", Directed: true, Code: "1"},
		{A: "IGOUNO", Interval: "day"},
		// Months: a month-precise event is one bucket's, not a span.
		{Interval: "month"},
		{A: "RUS", Interval: "month", Since: "2024-04-01", Until: "2024-05-31"},
		{A: "UKR", B: "RUS", Interval: "month", Code: "0"},
		// Date ranges over the sums without roots (all events, a
		// country's views, a dyad).
		{Interval: "week", Since: "2024-04-01"},
		{B: "UKR", Interval: "day", Directed: true, Until: "2024-04-30"},
		{A: "RUS", B: "UKR", Interval: "day", Since: "2024-04-01", Until: "2024-05-15"},
	} {
		t.Run(fmt.Sprintf("%+v", tc), func(t *testing.T) {
			want := refTimeline(evs, tc)
			if len(want) == 0 {
				t.Fatal("test data has no events for this timeline")
			}
			got, err := s.Timeline(ctx, tc)
			if err != nil {
				t.Fatal(err)
			}
			prev, prevKind := "", ""
			for _, p := range got {
				key := p.Bucket
				switch p.Kind {
				case store.PointDated:
					if prevKind != "" || p.Bucket <= prev {
						t.Errorf("dated bucket %s after %s %s", p.Bucket, prevKind, prev)
					}
				case store.PointSpan:
					key = "span/" + p.Bucket + "/" + p.To + "/" + p.Precision
					if prevKind == store.PointUndated {
						t.Errorf("span %s after the undated point", key)
					}
				case store.PointUndated:
					if prevKind == store.PointUndated {
						t.Error("two undated points")
					}
				default:
					t.Errorf("point of unknown kind %q", p.Kind)
				}
				prev, prevKind = p.Bucket, p.Kind
				w, ok := want[key]
				if !ok {
					if p.Count != 0 {
						t.Errorf("unexpected bucket %+v", p)
					}
					continue
				}
				delete(want, key)
				if p.Count != w.Count || p.Quad != w.Quad || math.Abs(p.Goldstein-w.Goldstein) > 1e-9 ||
					math.Abs(p.Index-w.Goldstein/float64(w.Count)) > 1e-9 {
					t.Errorf("bucket %s = %+v, want %+v", p.Bucket, p, w)
				}
			}
			if len(want) > 0 {
				t.Errorf("missing buckets %v", want)
			}
		})
	}
	if _, err := s.Timeline(ctx, store.TimelineQuery{Interval: "fortnight"}); err == nil {
		t.Error("unknown interval accepted")
	}
	// Weeks start on Monday.
	got, _ := s.Timeline(ctx, store.TimelineQuery{Interval: "week"})
	for _, p := range got {
		if p.Kind == store.PointDated && store.WeekOf(p.Bucket) != p.Bucket {
			t.Errorf("week bucket %s is not a Monday", p.Bucket)
		}
	}
}

func testStats(t *testing.T, s store.Store, arts []*model.Article) {
	var want store.Stats
	for _, a := range arts {
		want.Articles++
		want.Events += len(a.Events)
		want.Entities += len(a.Entities)
		want.Quotes += len(a.Quotes)
	}
	if got := stats(t, s); got != want {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
}

func testBadCursor(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, c := range []string{"%%%", "bm90IGpzb24", store.EncodeCursor("a", "b", "c", "d")} {
		if _, err := s.Events(ctx, store.EventFilter{Cursor: c}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("Events cursor %q: %v, want ErrBadCursor", c, err)
		}
		if _, err := s.Articles(ctx, store.ArticleFilter{Cursor: c}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("Articles cursor %q: %v, want ErrBadCursor", c, err)
		}
	}
}

// testPagingUnderInserts pages through listings while new articles
// arrive: keyset cursors must neither skip nor repeat what was there.
func testPagingUnderInserts(t *testing.T, s store.Store) {
	ctx := context.Background()
	old := Generate(9, 8)
	put(t, s, old...)
	oldEvents := refSelect(refEvents(old), store.EventFilter{})
	p, err := s.Articles(ctx, store.ArticleFilter{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	ep, err := s.Events(ctx, store.EventFilter{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	// New articles dated after everything stored sort after it (events)
	// and before it (articles, newest publication first).
	var fresh []*model.Article
	for i, a := range Generate(3, 9) {
		for j := range a.Events {
			a.Events[j].Date.Value = model.Str(fmt.Sprintf("2025-01-%02d", i+1))
		}
		a.Published.Date = model.Str(fmt.Sprintf("2025-01-%02d", i+1))
		fresh = append(fresh, a)
	}
	put(t, s, fresh...)
	seen := map[string]int{}
	for _, a := range p.Items {
		seen[a.ID]++
	}
	rest := pageAll(t, 4, func(c string) (store.Page[store.ArticleSummary], error) {
		if c == "" {
			c = p.Next
		}
		return s.Articles(ctx, store.ArticleFilter{Limit: 4, Cursor: c})
	})
	for _, a := range rest {
		seen[a.ID]++
	}
	for _, a := range old {
		if seen[a.ID] != 1 {
			t.Errorf("old article %s seen %d times", a.ID, seen[a.ID])
		}
	}
	if len(seen) != len(old) {
		t.Errorf("paging saw %d articles, want the %d older ones", len(seen), len(old))
	}
	keys := eventKeys(ep.Items)
	restEv := pageAll(t, 4, func(c string) (store.Page[store.EventRecord], error) {
		if c == "" {
			c = ep.Next
		}
		return s.Events(ctx, store.EventFilter{Limit: 4, Cursor: c})
	})
	keys = append(keys, eventKeys(restEv)...)
	if !slices.Equal(keys[:len(oldEvents)], oldEvents) {
		t.Errorf("events paged under inserts:\ngot  %v\nwant %v", keys, oldEvents)
	}
}

// testBatch checks that PutArticles stores what PutArticle would, that a
// re-put batch inserts nothing, and that one bad article in a batch costs
// only itself.
func testBatch(t *testing.T, batched, single store.Store) {
	bp, ok := batched.(store.BatchPutter)
	if !ok {
		t.Skip("store has no batch put")
	}
	ctx := context.Background()
	arts := Generate(6, 7)
	// A second report of the first article's events, later in the batch.
	again := *arts[0]
	again.ID += "-again"
	arts = append(arts, &again)
	res, err := bp.PutArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	put(t, single, arts...)
	for i, r := range res {
		if !r.Inserted || r.Events != len(arts[i].Events) {
			t.Errorf("article %d: %+v, want inserted with %d events", i, r, len(arts[i].Events))
		}
		a, err := batched.Article(ctx, arts[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		b, err := single.Article(ctx, arts[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if jsonOf(t, a) != jsonOf(t, b) {
			t.Errorf("article %d differs between batch and single put", i)
		}
	}
	if stats(t, batched) != stats(t, single) {
		t.Errorf("stats differ: batch %+v, single %+v", stats(t, batched), stats(t, single))
	}
	// Reports of one event in different articles of a batch join one
	// cluster, with the counts one put per article gives.
	clusters := func(s store.Store) string {
		cs := pageAll(t, 1000, func(c string) (store.Page[store.Cluster], error) {
			return s.Clusters(ctx, store.EventFilter{Limit: 1000, Cursor: c})
		})
		for i := range cs {
			cs[i].First.IngestedAt = time.Time{} // the two stores ingested at different times
		}
		return jsonOf(t, cs)
	}
	got, want := clusters(batched), clusters(single)
	if got != want {
		t.Errorf("clusters differ between batch and single put:\nbatch  %s\nsingle %s", got, want)
	}
	entities := func(s store.Store) string {
		return jsonOf(t, pageAll(t, 1000, func(c string) (store.Page[store.EntitySummary], error) {
			return s.Entities(ctx, store.EntityFilter{Limit: 1000, Cursor: c})
		}))
	}
	if got, want := entities(batched), entities(single); got != want {
		t.Errorf("entities differ between batch and single put:\nbatch  %s\nsingle %s", got, want)
	}
	if !strings.Contains(want, `"articles": 2`) {
		t.Errorf("no cluster has reports from two articles: the batch does not test clustering across articles")
	}
	res, err = bp.PutArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Inserted {
			t.Errorf("re-put article %d inserted again", i)
		}
	}
	twice := Generate(12, 9)[10:]
	res, err = bp.PutArticles(ctx, []*model.Article{twice[0], twice[1], twice[0]})
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].Inserted || !res[1].Inserted || res[2].Inserted {
		t.Errorf("an article twice in one batch: %+v, want the first stored, the second not", res)
	}
	more := Generate(9, 8)[6:]
	bad := *more[1]
	bad.ID = ""
	res, err = bp.PutArticles(ctx, []*model.Article{more[0], &bad, more[2]})
	if err == nil {
		t.Error("batch with an article without id: no error")
	}
	if len(res) != 3 || !res[0].Inserted || res[1].Inserted || !res[2].Inserted {
		t.Errorf("bad article should cost only itself: %+v", res)
	}
	if len(res) == 3 && (res[0].Err != nil || res[1].Err == nil || res[2].Err != nil) {
		t.Errorf("only the bad article should carry an error: %+v", res)
	}
}
