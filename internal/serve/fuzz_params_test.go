package serve

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
)

// FuzzQueryFilters: the other query parsers (checkQuery, the article,
// entity, quote and timeline filters) never panic; an error names the
// parameter at fault (checkQuery may blame the whole query, Param ""),
// and what is accepted is in range: codes are letters and digits, dates
// are dates in order, limits within MaxLimit, enums from their lists.
func FuzzQueryFilters(f *testing.F) {
	for _, s := range []string{
		"", "text=ceasefire&since=2025-02-01&until=2025-02-28&limit=50",
		"q=flood&text=drought", "name=Kigali&type=place&code=rwa", "type=WEAPON",
		"speaker=minister&article=a1&q=%22talks%22", "a=ind&b=pak&directed=false&interval=Week",
		"a=IND PAK", "a=ıran&code=ſ19", "interval=fortnight", "since=2025-13-01",
		"limit=-3", "limit=0", "limit=999999999999999999999", "cursor=" + strings.Repeat("x", 600),
		strings.Repeat("k", 70) + "=v", "%zz=1", "text=Côte d’Ivoire&since=2024-01-01",
		"country=ukr&region=Oblast%20Kharkiv", "since=2025-01-02&until=2025-01-01",
	} {
		f.Add(s)
	}
	named := func(t *testing.T, what string, err error, blank bool) {
		t.Helper()
		var pe *paramError
		if !errors.As(err, &pe) || pe.Message == "" || (pe.Param == "" && !blank) {
			t.Fatalf("%s: error %v does not name a parameter", what, err)
		}
	}
	isCode := func(s string) bool {
		return strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == ""
	}
	isDate := func(s string) bool {
		if s == "" {
			return true
		}
		_, err := time.Parse("2006-01-02", s)
		return err == nil
	}
	inOrder := func(since, until string) bool { return since == "" || until == "" || since <= until }
	limitOK := func(n int) bool { return n >= 1 && n <= store.MaxLimit }
	f.Fuzz(func(t *testing.T, raw string) {
		if err := checkQuery(raw); err != nil {
			named(t, "checkQuery", err, true)
		}
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		if af, err := articleFilter(v); err != nil {
			named(t, "articleFilter", err, false)
		} else if !isDate(af.Since) || !isDate(af.Until) || !limitOK(af.Limit) {
			t.Fatalf("article filter %+v accepted", af)
		}
		if ef, err := entityFilter(v); err != nil {
			named(t, "entityFilter", err, false)
		} else if !isCode(ef.Code) || !limitOK(ef.Limit) || (ef.Type != "" && !slices.Contains(EntityTypes, ef.Type)) {
			t.Fatalf("entity filter %+v accepted", ef)
		}
		if qf, err := quoteFilter(v); err != nil {
			named(t, "quoteFilter", err, false)
		} else if !limitOK(qf.Limit) {
			t.Fatalf("quote filter %+v accepted", qf)
		}
		if tq, err := timelineQuery(v); err != nil {
			named(t, "timelineQuery", err, false)
		} else if !isCode(tq.A) || !isCode(tq.B) || !isCode(tq.Code) || !isDate(tq.Since) || !isDate(tq.Until) ||
			!inOrder(tq.Since, tq.Until) || !slices.Contains([]string{"day", "week", "month"}, tq.Interval) {
			t.Fatalf("timeline query %+v accepted", tq)
		}
		if c, err := (query{v}).country(); err != nil {
			named(t, "country", err, false)
		} else if c != "" && (len(c) != 3 || !isCode(c)) {
			t.Fatalf("country %q accepted", c)
		}
	})
}
