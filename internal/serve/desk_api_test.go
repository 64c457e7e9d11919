package serve

import (
	"bytes"
	"encoding/csv"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

// The region filter, by code or name in any case, and the region in
// every record, export row and country count of the filtered events.
func TestRegionFilter(t *testing.T) {
	st, _ := seedStore(t, 20, deskArticles(loadWorld(t))...)
	ts := newServer(t, st, nil)
	for _, q := range []string{"NG.29", "ng.29", "kano", "KANO"} {
		items := pageAll[store.EventRecord](t, ts.URL+"/api/events?region="+url.QueryEscape(q), store.MaxLimit)
		if len(items) != 1 {
			t.Fatalf("region=%s: %d events, want the one placed in Kano", q, len(items))
		}
		if e := items[0]; e.Region != "NG.29" || e.RegionName != "Kano" || e.LocationPrecision != "city" {
			t.Errorf("region=%s: region %q %q precision %q", q, e.Region, e.RegionName, e.LocationPrecision)
		}
	}
	if items := pageAll[store.EventRecord](t, ts.URL+"/api/events?region=US.TX", store.MaxLimit); len(items) != 0 {
		t.Errorf("region=US.TX: %d events, want none", len(items))
	}
	// A country's centre has no region.
	for _, e := range pageAll[store.EventRecord](t, ts.URL+"/api/events?country=IND", store.MaxLimit) {
		if e.LocationPrecision == "country" && e.Region != "" {
			t.Errorf("event %s at a country's centre has region %q", e.Key, e.Region)
		}
	}

	rows, err := csv.NewReader(bytes.NewReader(mustGet(t, ts.URL+"/api/export?format=csv&region=kano"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("csv export: %d rows, %v", len(rows), err)
	}
	i, j := slices.Index(rows[0], "region"), slices.Index(rows[0], "region_name")
	if i < 0 || j < 0 || rows[1][i] != "NG.29" || rows[1][j] != "Kano" {
		t.Errorf("csv export: header %v row %v", rows[0], rows[1])
	}

	counts := decode[struct{ Items []countryView }](t, mustGet(t, ts.URL+"/api/countries?region=Kano"))
	if len(counts.Items) != 1 || counts.Items[0].Country != "NGA" || counts.Items[0].Events != 1 {
		t.Errorf("countries of region Kano: %+v", counts.Items)
	}
	resp, _ := get(t, ts.URL+"/api/events?region="+strings.Repeat("x", 65))
	if resp.StatusCode != 400 {
		t.Errorf("a 65-byte region: status %d, want 400", resp.StatusCode)
	}
}

// Creating and patching a rule share one body decoder: the same answers
// to malformed, unknown-field, trailing and oversized bodies.
func TestRuleBodyDecoding(t *testing.T) {
	st, _ := seedStore(t, 2)
	ts := newServer(t, st, func(o *Options) { o.Token = "s3cret" })
	resp, b := do(t, "POST", ts.URL+"/api/alert-rules", "s3cret", strings.NewReader(`{"name":"strikes","kind":"new_event","code":"19"}`), nil)
	if resp.StatusCode != 201 {
		t.Fatalf("create: %d %s", resp.StatusCode, b)
	}
	rule := decode[store.AlertRule](t, b)
	endpoints := []struct{ method, url, want string }{
		{"POST", ts.URL + "/api/alert-rules", "body must be a JSON alert rule"},
		{"PATCH", ts.URL + "/api/alert-rules/" + strconv.FormatInt(rule.ID, 10), `body must be {"paused": true|false}`},
	}
	bodies := []struct {
		name, body string
		status     int
	}{
		{"malformed", `{"paused":`, 400},
		{"unknown field", `{"colour":"red"}`, 400},
		{"not an object", `[1,2]`, 400},
		{"oversized", `{"name":"` + strings.Repeat("x", maxRuleBody) + `"}`, 413},
	}
	for _, e := range endpoints {
		for _, c := range bodies {
			resp, b := do(t, e.method, e.url, "s3cret", strings.NewReader(c.body), nil)
			if resp.StatusCode != c.status {
				t.Errorf("%s %s: status %d, want %d (%s)", e.method, c.name, resp.StatusCode, c.status, b)
				continue
			}
			if c.status == 400 {
				v := decode[struct {
					Error struct{ Message, Param string }
				}](t, b)
				if !strings.HasPrefix(v.Error.Message, e.want) || v.Error.Param != "body" {
					t.Errorf("%s %s: %s, want a message starting %q", e.method, c.name, b, e.want)
				}
			}
		}
	}
	resp, b = do(t, "PATCH", endpoints[1].url, "s3cret", strings.NewReader(`{"paused":true}`), nil)
	if resp.StatusCode != 200 {
		t.Errorf("pause: %d %s", resp.StatusCode, b)
	}
}
