package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// countrySumFilters are choropleth filters the sums by country answer
// (an actor, one side or both of a dyad, country-level or a sector
// code, a CAMEO prefix up to the root, and their combinations; a code
// finer than the root alone) and a few they leave to the events table:
// an actor with a dyad, a date range within a month with a filter, a
// date range with a sector code.
var countrySumFilters = []store.EventFilter{
	{},
	{Actor: "RUS"},
	{Actor: "UKR", Code: "19"},
	{Actor: "RUS", Code: "1"},
	{Source: "RUS", Target: "UKR"},
	{Source: "RUS", Target: "UKR", Undirected: true},
	{Source: "UKR", Target: "RUS", Undirected: true, Code: "04"},
	{Source: "RUS", Target: "RUS"},
	{Source: "RUS"},
	{Target: "UKR"},
	{Source: "RU"},
	{Target: "U", Code: "19"},
	{Source: "RUS", Undirected: true},
	{Target: "PRK", Undirected: true},
	{Code: "19"},
	{Code: "1"},
	{Code: "04"},
	{Code: "194"},
	{Actor: "RUSMIL"},
	{Actor: "UKRMIL", Code: "19"},
	{Source: "RUSMIL", Target: "UKR"},
	{Source: "UKRGOV", Target: "RUSMIL", Undirected: true},
	{Target: "RUSGOV", Undirected: true},
	{Source: "PRKMIL"},
	{Code: "1663"},
	{Code: "04", Source: "RUSMIL"},
	{Actor: "RUS", Source: "UKR"},
	{Source: "R", Undirected: true},
	{Source: "RUS", Target: "UKR", Undirected: true, Since: "2024-04-01"},
	// Date ranges: whole months from the sums by month, the days of a
	// month covered in part from the events.
	{Actor: "RUS", Since: "2024-04-15"},
	{Code: "19", Until: "2024-05-20"},
	{Source: "RUS", Since: "2019-03-10", Until: "2024-06-12"},
	{Actor: "UKR", Since: "2018-04", Until: "2024-05"},
	{Target: "PRK", Undirected: true, Until: "2020"},
	{Actor: "RUS", Since: "2024-04-03", Until: "2024-04-20"},
	{Code: "1", Source: "R", Since: "2016-01-01", Until: "2023-12-31"},
	// The edges of four-digit years: no month after December 9999 (the
	// month sums once counted every event from "10000-0" on), none
	// before January 0000.
	{Actor: "RUS", Since: "9999-12-15"},
	{Actor: "RUS", Until: "0000-01-20"},
	{Actor: "RUS", Since: "2024-04-15", Until: "9999-12-31"},
}

// testCountrySums checks the choropleth under every filter of
// countrySumFilters against a direct count: the events the listing
// returns for the same filter, summed by location country.
func testCountrySums(t *testing.T, s store.Store) {
	t.Helper()
	cc, ok := s.(store.CountryCounter)
	if !ok {
		t.Fatal("store cannot count events by country")
	}
	ctx := context.Background()
	nonEmpty := 0
	for _, f := range countrySumFilters {
		want := listedByCountry(ctx, t, s, f)
		got, err := cc.CountryCounts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("%+v: %d countries counted, want %d", f, len(got), len(want))
		}
		for i, c := range got {
			if c != want[c.Country] {
				t.Errorf("%+v: %+v, want %+v", f, c, want[c.Country])
			}
			if i > 0 && c.Events > got[i-1].Events {
				t.Errorf("%+v: %s ranked after %s with more events", f, c.Country, got[i-1].Country)
			}
		}
		if len(want) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < len(countrySumFilters)/2 {
		t.Fatalf("only %d of %d filters match events: the test data does not exercise the sums", nonEmpty, len(countrySumFilters))
	}
}

// TestCountrySumsBulk fills s through the bulk path (two batches of
// random synthetic events with places, fatalities and loose dates, the
// second adding to the sums the first created) and checks the
// choropleth against a direct count.
func TestCountrySumsBulk(t *testing.T, s BulkInserter) {
	t.Helper()
	ctx := context.Background()
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	for k := range 2 {
		evs := BulkEvents(1500, seed+uint64(k), k*1825, (k+1)*1825)
		facts := DeskEvents(evs, seed+uint64(k))
		if err := s.BulkInsertEventFacts(ctx, fmt.Sprintf("bulk-%d", k), evs, facts); err != nil {
			t.Fatal(err)
		}
	}
	st, ok := s.(store.Store)
	if !ok {
		t.Fatal("bulk inserter is not a store")
	}
	CheckCountrySums(t, st)
}

// CheckCountrySums checks the choropleth under the filters the sums by
// country answer, and map boxes, against direct counts over what s
// holds (for a store filled or migrated by the caller).
func CheckCountrySums(t *testing.T, s store.Store) {
	t.Helper()
	testCountrySums(t, s)
	testBoxes(t, s)
}

// testBoxes checks map boxes of several sizes (a sparse one is read
// through the spatial index, a dense one by date) against the events
// the listing returns without a box, filtered here, in both orders.
func testBoxes(t *testing.T, s store.Store) {
	t.Helper()
	ctx := context.Background()
	all := pageAll(t, store.MaxLimit, func(c string) (store.Page[store.EventRecord], error) {
		return s.Events(ctx, store.EventFilter{Limit: store.MaxLimit, Cursor: c})
	})
	boxes := []store.BBox{
		{MinLat: -90, MinLon: -180, MaxLat: 90, MaxLon: 180},
		{MinLat: 40, MinLon: 20, MaxLat: 45, MaxLon: 30},
		{MinLat: -10, MinLon: -60, MaxLat: 10, MaxLon: 60},
	}
	// A box around a point that some event has, edges on its
	// coordinates: the exact bounds count, whatever the index rounds.
	for _, e := range all {
		if e.Location != nil && e.Location.Lat != nil && e.Location.Lon != nil {
			lat, lon := *e.Location.Lat, *e.Location.Lon
			boxes = append(boxes, store.BBox{MinLat: lat, MinLon: lon, MaxLat: lat + 0.5, MaxLon: lon + 0.5},
				store.BBox{MinLat: lat - 0.5, MinLon: lon - 0.5, MaxLat: lat, MaxLon: lon})
			break
		}
	}
	nonEmpty := 0
	for _, bb := range boxes {
		var want []string
		for _, e := range all {
			if l := e.Location; l != nil && l.Lat != nil && l.Lon != nil &&
				*l.Lat >= bb.MinLat && *l.Lat <= bb.MaxLat && *l.Lon >= bb.MinLon && *l.Lon <= bb.MaxLon {
				want = append(want, e.Key)
			}
		}
		if len(want) > 0 {
			nonEmpty++
		}
		for _, newest := range []bool{false, true} {
			got := pageAll(t, 37, func(c string) (store.Page[store.EventRecord], error) {
				return s.Events(ctx, store.EventFilter{BBox: &bb, Newest: newest, Limit: 37, Cursor: c})
			})
			if len(got) != len(want) {
				t.Errorf("box %+v newest=%v: %d events, want %d", bb, newest, len(got), len(want))
				continue
			}
			for i := range got {
				j := i
				if newest {
					j = len(want) - 1 - i
				}
				if got[i].Key != want[j] {
					t.Errorf("box %+v newest=%v: event %d = %s, want %s", bb, newest, i, got[i].Key, want[j])
					break
				}
			}
		}
	}
	if nonEmpty < 3 {
		t.Errorf("only %d boxes hold events: the test data does not exercise the boxes", nonEmpty)
	}
}

// listedByCountry counts what the listing returns for f by location
// country: the direct count a choropleth must agree with.
func listedByCountry(ctx context.Context, t *testing.T, s store.Store, f store.EventFilter) map[string]store.CountryCount {
	t.Helper()
	want := map[string]store.CountryCount{}
	for _, e := range pageAll(t, store.MaxLimit, func(c string) (store.Page[store.EventRecord], error) {
		f := f
		f.Limit, f.Cursor = store.MaxLimit, c
		return s.Events(ctx, f)
	}) {
		if e.Location == nil {
			continue
		}
		if c := model.Deref(e.Location.Country); c != "" {
			w := want[c]
			w.Country, w.Events, w.Fatalities = c, w.Events+1, w.Fatalities+e.Fatalities
			want[c] = w
		}
	}
	return want
}
