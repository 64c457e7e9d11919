package storetest

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// testNewest checks the newest-first listing against the reference
// order reversed, page by page, with and without a dyad filter.
func testNewest(t *testing.T, s store.Store, evs []refEvent) {
	ctx := context.Background()
	for _, f := range []store.EventFilter{
		{},
		{Actor: "RUS"},
		{Source: "RUS", Target: "UKR", Undirected: true},
		{Code: "04", Since: "2024-04-01"},
	} {
		want := refSelect(evs, f)
		for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
			want[i], want[j] = want[j], want[i]
		}
		if len(want) == 0 {
			t.Fatalf("%+v: test data has no events", f)
		}
		f.Newest, f.Limit = true, 7
		var got []string
		for {
			p, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range p.Items {
				got = append(got, e.Key)
			}
			if p.Next == "" {
				break
			}
			f.Cursor = p.Next
		}
		if len(got) != len(want) {
			t.Fatalf("%+v: %d events, want %d", f, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%+v: event %d = %s, want %s", f, i, got[i], want[i])
			}
		}
	}
}

// testCountry checks the country filter against the reference.
func testCountry(t *testing.T, s store.Store, evs []refEvent) {
	ctx := context.Background()
	counts := map[string]int{}
	for _, r := range evs {
		if r.country != "" {
			counts[r.country]++
		}
	}
	if len(counts) < 2 {
		t.Fatal("test data has fewer than two event countries")
	}
	cc, ok := s.(store.CountryCounter)
	if !ok {
		t.Fatal("store cannot count events by country")
	}
	got, err := cc.CountryCounts(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(counts) {
		t.Errorf("%d countries counted, want %d", len(got), len(counts))
	}
	for i, c := range got {
		if c.Events != counts[c.Country] || (i > 0 && c.Events > got[i-1].Events) {
			t.Errorf("country %s: %d events (rank %d), want %d, most first", c.Country, c.Events, i, counts[c.Country])
		}
	}
	// Date ranges read the daily sums, other filters the events: both
	// must count what the listing lists.
	for _, f := range []store.EventFilter{
		{Since: "2024-04-01"},
		{Until: "2024-04-30"},
		{Since: "2024-04-01", Until: "2024-05-15"},
		{Actor: "RUS"},
		{Code: "19", Since: "2024-04-01"},
	} {
		want := listedByCountry(ctx, t, s, f)
		got, err := cc.CountryCounts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(got) == 0 {
			t.Errorf("%+v: %d countries counted, want %d", f, len(got), len(want))
		}
		for _, c := range got {
			if c != want[c.Country] {
				t.Errorf("%+v: %+v, want %+v", f, c, want[c.Country])
			}
		}
	}
	for c, n := range counts {
		p, err := s.Events(ctx, store.EventFilter{Country: c, Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != n {
			t.Errorf("country %s: %d events, want %d", c, len(p.Items), n)
		}
		for _, e := range p.Items {
			if e.Location == nil || model.Deref(e.Location.Country) != c {
				t.Errorf("country %s: event %s is elsewhere", c, e.Key)
			}
		}
	}
}

// testPrecision checks that every event reports its date precision.
func testPrecision(t *testing.T, s store.Store, arts []*model.Article) {
	want := map[string]string{}
	for _, a := range arts {
		for i := range a.Events {
			want[a.ID+":"+a.Events[i].ID] = store.DatePrecision(&a.Events[i])
		}
	}
	seen := map[string]int{}
	err := s.EachEvent(context.Background(), store.EventFilter{}, func(e store.EventRecord) error {
		seen[e.DatePrecision]++
		if e.DatePrecision != want[e.Key] {
			t.Errorf("event %s precision %q, want %q", e.Key, e.DatePrecision, want[e.Key])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{model.PrecisionDay, model.PrecisionMonth, store.PrecisionNone} {
		if seen[p] == 0 {
			t.Errorf("no event of precision %s in the test data", p)
		}
	}
}

// testAlertOnce checks that alerts of one rule and cluster are one alert
// updated by later reports, and that rules can be paused.
func testAlertOnce(t *testing.T, s store.Store) {
	ctx := context.Background()
	r, err := s.AddAlertRule(ctx, store.AlertRule{Name: "strikes", Kind: store.RuleNewEvent, Code: "19"})
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.PutAlert(ctx, store.Alert{RuleID: r.ID, RuleName: r.Name, Message: "m", EventKey: "a:e1", Cluster: "a:e1"})
	if err != nil || first.Updated || first.Reports != 1 {
		t.Fatalf("first alert = %+v, %v", first, err)
	}
	again, err := s.PutAlert(ctx, store.Alert{RuleID: r.ID, RuleName: r.Name, Message: "m2", EventKey: "b:e4", Cluster: "a:e1"})
	if err != nil || !again.Updated || again.ID != first.ID || again.Reports != 2 || again.LastEventKey != "b:e4" ||
		again.UpdatedAt == nil || again.Message != "m" {
		t.Fatalf("second report = %+v, %v; want an update of alert %d", again, err, first.ID)
	}
	other, err := s.PutAlert(ctx, store.Alert{RuleID: r.ID, RuleName: r.Name, Message: "m3", EventKey: "c:e1", Cluster: "c:e1"})
	if err != nil || other.Updated || other.ID == first.ID {
		t.Fatalf("other cluster = %+v, %v; want a new alert", other, err)
	}
	all, err := s.Alerts(ctx, 0, 0)
	if err != nil || len(all) != 2 || all[0].Reports != 2 || all[0].Cluster != "a:e1" || all[1].Reports != 1 {
		t.Fatalf("alerts = %+v, %v; want two, the first with 2 reports", all, err)
	}
	p, ok := s.(store.AlertRulePauser)
	if !ok {
		t.Fatal("store cannot pause rules")
	}
	if err := p.PauseAlertRule(ctx, r.ID, true); err != nil {
		t.Fatal(err)
	}
	if rules, err := s.AlertRules(ctx); err != nil || len(rules) != 1 || !rules[0].Paused {
		t.Fatalf("rules after pause = %+v, %v", rules, err)
	}
	if err := p.PauseAlertRule(ctx, r.ID, false); err != nil {
		t.Fatal(err)
	}
	if rules, _ := s.AlertRules(ctx); rules[0].Paused {
		t.Error("rule still paused after resume")
	}
	if err := p.PauseAlertRule(ctx, r.ID+100, true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("pause of a missing rule: %v, want ErrNotFound", err)
	}
}

// testRegionAndRange checks that an event placed in a city is stored
// with its first-level division, filterable by code or name, and that a
// range keeps its known end.
func testRegionAndRange(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := Generate(1, 23)[0]
	var placed *model.Event
	for i := range a.Events {
		if l := a.Events[i].Location; l != nil && l.Entity != nil {
			placed = &a.Events[i]
			break
		}
	}
	if placed == nil {
		t.Fatal("no placed event in the test data")
	}
	for i := range a.Entities {
		if e := &a.Entities[i]; e.ID == *placed.Location.Entity {
			e.Name, e.Country, e.Lat, e.Lon, e.Precision = "Guadalajara", model.Str("MEX"), model.Float(20.67), model.Float(-103.39), "city"
		}
	}
	placed.Location.Name, placed.Location.Country = "Guadalajara", model.Str("MEX")
	placed.Location.Lat, placed.Location.Lon = model.Float(20.67), model.Float(-103.39)
	rng := model.PrecisionRange
	placed.Date = model.EventDate{Value: model.Str("2016"), Precision: &rng, FromText: model.Str("from 2016 to May 2018"),
		From: model.Str("2016"), To: model.Str("2018-05")}
	put(t, s, a)
	for _, region := range []string{"MX.14", "mx.14", "jalisco", "Jalisco"} {
		p, err := s.Events(ctx, store.EventFilter{Region: region, Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != 1 || p.Items[0].Key != a.ID+":"+placed.ID {
			t.Fatalf("region %q: %d events, want the one placed in Guadalajara", region, len(p.Items))
		}
		e := p.Items[0]
		if e.Region != "MX.14" || e.RegionName != "Jalisco" || e.Day != "2016-01-01" || e.DayTo != "2018-05-31" {
			t.Errorf("region %q: got region %q %q, days %q to %q", region, e.Region, e.RegionName, e.Day, e.DayTo)
		}
	}
	p, err := s.Events(ctx, store.EventFilter{Region: "MX.09", Limit: store.MaxLimit})
	if err != nil || len(p.Items) != 0 {
		t.Errorf("another region: %d events, err %v", len(p.Items), err)
	}
	// The timeline draws the range as a closed span, 2016 to May 2018,
	// also when asked for a window inside it.
	tgt := ""
	if placed.Target != nil {
		tgt = placed.Target.Code
	}
	for _, since := range []string{"", "2017-03-01"} {
		pts, err := s.Timeline(ctx, store.TimelineQuery{A: placed.Source.Code, B: tgt, Directed: true, Code: placed.Cameo,
			Interval: "month", Since: since})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, pt := range pts {
			if pt.Kind == store.PointSpan && pt.Bucket == "2016-01-01" {
				found = pt.To == "2018-05-31" && pt.Count == 1
				if !found {
					t.Errorf("since %q: span %+v, want one event to 2018-05-31", since, pt)
				}
			}
		}
		if !found {
			t.Errorf("since %q: no span from 2016-01-01 in %+v", since, pts)
		}
	}
}

// testDyadCounts checks the network's sums by code pair against the
// events the listing returns for the same filter.
func testDyadCounts(t *testing.T, s store.Store) {
	ctx := context.Background()
	dc, ok := s.(store.DyadCounter)
	if !ok {
		t.Fatal("store cannot sum events by dyad")
	}
	for _, f := range []store.EventFilter{{}, {Since: "2024-04-01"}, {Actor: "RUS", Until: "2024-05-15"}} {
		want := map[[2]string]store.DyadCount{}
		for _, e := range pageAll(t, store.MaxLimit, func(c string) (store.Page[store.EventRecord], error) {
			f := f
			f.Limit, f.Cursor = store.MaxLimit, c
			return s.Events(ctx, f)
		}) {
			if e.Target == nil || e.Target.Code == "" || e.Source.Code == "" {
				continue
			}
			k := [2]string{e.Source.Code, e.Target.Code}
			w := want[k]
			w.Source, w.Target, w.Events, w.Goldstein = k[0], k[1], w.Events+1, w.Goldstein+e.Goldstein
			want[k] = w
		}
		got, err := dc.DyadCounts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(got) == 0 {
			t.Errorf("%+v: %d dyads, want %d", f, len(got), len(want))
		}
		for _, c := range got {
			w := want[[2]string{c.Source, c.Target}]
			if c.Events != w.Events || math.Abs(c.Goldstein-w.Goldstein) > 1e-9 {
				t.Errorf("%+v: %+v, want %+v", f, c, w)
			}
		}
	}
}
