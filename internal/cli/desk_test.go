package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

// sampleDB ingests the bundled sample corpus (the README's demo) into a
// new database and returns its path.
func sampleDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "s.db")
	if out, errs, code := run(t, "--db", db, "ingest", "--quiet", filepath.Join("..", "..", "testdata", "sample")); code != 0 {
		t.Fatalf("ingest exit %d: %s\n%s", code, errs, out)
	}
	return db
}

// Every event of a dyad is counted by its timeline, in whatever bucket
// its date allows, for every interval: the README's own example shows
// the demo's undated RUS–PRK reports instead of an empty table.
func TestTimelineCountsEveryEvent(t *testing.T) {
	db := sampleDB(t)
	for _, tc := range []struct{ a, b, interval string }{
		{"RUS", "PRK", "week"}, {"RUS", "PRK", "day"}, {"CHN", "TWN", "week"}, {"CHN", "TWN", "month"},
		{"ISR", "", "day"}, {"IND", "PAK", "month"},
	} {
		t.Run(tc.a+"-"+tc.b+"-"+tc.interval, func(t *testing.T) {
			args := []string{"--db", db, "events", "--format", "json", "--limit", "1000", "--actor", tc.a}
			if tc.b != "" {
				args = []string{"--db", db, "events", "--format", "json", "--limit", "1000", "--dyad", tc.a + "," + tc.b}
			}
			evs, errs, code := run(t, args...)
			if code != 0 {
				t.Fatalf("events exit %d: %s", code, errs)
			}
			want := strings.Count(evs, "\n")
			if want == 0 {
				t.Fatal("the sample has no such events")
			}
			out, errs, code := run(t, "--db", db, "timeline", tc.a, tc.b, "--interval", tc.interval, "--format", "json")
			if code != 0 {
				t.Fatalf("timeline exit %d: %s", code, errs)
			}
			got := 0
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				var p store.TimelinePoint
				if err := json.Unmarshal([]byte(l), &p); err != nil {
					t.Fatalf("%q: %v", l, err)
				}
				got += p.Count
			}
			if got != want {
				t.Errorf("timeline counts %d events, events lists %d", got, want)
			}
		})
	}
	out, _, _ := run(t, "--db", db, "timeline", "RUS", "PRK", "--interval", "week")
	if !strings.Contains(out, "undated") {
		t.Errorf("README example shows no undated row:\n%s", out)
	}
	// "since 2016" is a span (to the publication date, its resolved
	// end), not an event of 2016-01-01 that would stretch the chart over
	// nine empty years.
	out, _, _ = run(t, "--db", db, "timeline", "CHN", "TWN", "--interval", "week")
	if !regexp.MustCompile(`\n2016-01-01\.\.(\d{4}-\d\d-\d\d)? \(range\)`).MatchString(out) || strings.Contains(out, "\n2016-01-01 ") {
		t.Errorf("a range is drawn as a point:\n%s", out)
	}
}

// Events list newest first by default, undated ones last; --oldest
// reverses; the event type's name follows its code.
func TestEventsNewestFirst(t *testing.T) {
	db := sampleDB(t)
	for _, oldest := range []bool{false, true} {
		args := []string{"--db", db, "events", "--format", "json", "--limit", "1000"}
		if oldest {
			args = append(args, "--oldest")
		}
		out, errs, code := run(t, args...)
		if code != 0 {
			t.Fatalf("events exit %d: %s", code, errs)
		}
		var days []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var e store.EventRecord
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatal(err)
			}
			days = append(days, e.Day)
		}
		for i := 1; i < len(days); i++ {
			if (!oldest && days[i] > days[i-1] && days[i-1] != "") || (!oldest && days[i-1] == "" && days[i] != "") ||
				(oldest && days[i] < days[i-1]) {
				t.Fatalf("oldest=%v: day %q after %q", oldest, days[i], days[i-1])
			}
		}
	}
	out, _, _ := run(t, "--db", db, "events", "--code", "042")
	if !strings.Contains(out, "042 Make a visit") {
		t.Errorf("events table lacks the type name:\n%s", out)
	}
	if n := strings.Count(out, "\n"); n < 2 {
		t.Errorf("%s rows", strconv.Itoa(n))
	}
}

// Read commands name a missing database instead of creating one.
func TestReadCommandsDoNotCreateADatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo", "sitrep.db")
	for _, args := range [][]string{{"events"}, {"articles"}, {"timeline", "RUS"}, {"export"}, {"alerts", "list"}, {"entities"}} {
		_, errs, code := run(t, append([]string{"--db", db}, args...)...)
		if code == 0 || !strings.Contains(errs, "does not exist") || !strings.Contains(errs, db) {
			t.Errorf("%v: exit %d, %q; want an error naming %s as missing", args, code, errs, db)
		}
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Errorf("a read command created %s", filepath.Dir(db))
	}
}

// --country keeps the events that took place in one country, any case.
func TestEventsByCountry(t *testing.T) {
	db := sampleDB(t)
	out, errs, code := run(t, "--db", db, "events", "--country", "sdn", "--format", "json", "--limit", "1000")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var e store.EventRecord
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		if e.Location == nil || e.Location.Country == nil || *e.Location.Country != "SDN" {
			t.Errorf("event %s is not in Sudan", e.Key)
		}
		n++
	}
	if n == 0 {
		t.Error("no Sudan events in the sample")
	}
}

// --region keeps the events of one first-level division, by code or by
// name in any case, and every listed event names its division.
func TestEventsByRegion(t *testing.T) {
	db := sampleDB(t)
	events := func(args ...string) []store.EventRecord {
		t.Helper()
		out, errs, code := run(t, append([]string{"--db", db, "events", "--format", "json", "--limit", "1000"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var list []store.EventRecord
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l == "" {
				continue
			}
			var e store.EventRecord
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatal(err)
			}
			list = append(list, e)
		}
		return list
	}
	want := map[string]int{}
	names := map[string]string{}
	for _, e := range events() {
		if e.Region != "" {
			want[e.Region]++
			names[e.Region] = e.RegionName
		}
	}
	if len(want) == 0 {
		t.Fatal("no event of the sample has a region")
	}
	for code, n := range want {
		for _, arg := range []string{code, strings.ToLower(code), strings.ToUpper(names[code])} {
			got := events("--region", arg)
			if len(got) != n {
				t.Errorf("--region %q: %d events, want %d", arg, len(got), n)
			}
			for _, e := range got {
				if e.Region != code {
					t.Errorf("--region %q: event %s is in %q", arg, e.Key, e.Region)
				}
			}
		}
	}
}

// The README's example article id is one that `make demo` (ingesting
// testdata/sample) really stores, so the example cannot go stale.
func TestREADMEExampleIDExists(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`sitrep show ([0-9a-f]{6,64})`).FindSubmatch(readme)
	if m == nil {
		t.Fatal("README has no `sitrep show ID` example")
	}
	id := string(m[1])
	db := sampleDB(t)
	out, errs, code := run(t, "--db", db, "show", id)
	if code != 0 || !strings.Contains(out, "id "+id) {
		t.Errorf("show %s (the README's example) on the demo database: exit %d: %s\n%s", id, code, errs, out)
	}
}
