package timex

import (
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// FuzzFindDated runs Find with arbitrary publication days between the
// years 1000 and 3000: no panic; mentions are ordered half-open spans of
// the sentence; a value spells a date of its precision (YYYY-MM-DD,
// YYYY-MM, YYYY) and a range has no value and ends no earlier than it
// starts.
func FuzzFindDated(f *testing.F) {
	for _, s := range []string{
		"Talks in Doha resumed on Tuesday after a pause of three weeks.",
		"The flood of late August 2019 was the worst since the 1950s, officials in Dhaka said.",
		"Between 3 and 9 May, troops withdrew; by mid-June the border at Rafah reopened.",
		"It happened yesterday, or last Friday, or two years ago, or next month, or this week.",
		"The 2011–2013 drought, the winter of 1998-99 and Q3 2024 figures.",
		"On 29 February the vote was held; on 31 April nothing happened.",
		"", "in", "12/31/1999 1999-12-31 31.12.1999",
	} {
		f.Add(s, int32(0))
		f.Add(s, int32(-300000))
		f.Add(s, int32(400000))
	}
	r := New(DefaultOptions())
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	layouts := map[string]string{model.PrecisionDay: "2006-01-02", model.PrecisionMonth: "2006-01", model.PrecisionYear: "2006"}
	parses := func(s string) bool {
		for _, l := range layouts {
			if _, err := time.Parse(l, s); err == nil {
				return true
			}
		}
		return false
	}
	f.Fuzz(func(t *testing.T, s string, days int32) {
		pub := base.AddDate(0, 0, int(days)%365000) // 1000 to 3000
		prev := 0
		for _, g := range r.Find(s, 5, 2, &pub) {
			if g.Sentence != 2 || g.Start < 5+prev || g.End > 5+len(s) || g.Start >= g.End || s[g.Start-5:g.End-5] != g.Text {
				t.Fatalf("bad mention %+v in %q", g.Mention, s)
			}
			prev = g.End - 5
			if g.Precision == model.PrecisionRange {
				if g.Value != nil || g.From == nil || g.To == nil || !parses(*g.From) || !parses(*g.To) || *g.To < *g.From {
					t.Fatalf("published %s: range %+v (from %v to %v) in %q", pub.Format("2006-01-02"), g.Mention, deref(g.From), deref(g.To), s)
				}
				continue
			}
			l, ok := layouts[g.Precision]
			if !ok || g.Value == nil {
				t.Fatalf("published %s: %q has precision %q, value %v", pub.Format("2006-01-02"), g.Text, g.Precision, deref(g.Value))
			}
			if _, err := time.Parse(l, *g.Value); err != nil {
				t.Fatalf("published %s: %q has %s value %q", pub.Format("2006-01-02"), g.Text, g.Precision, *g.Value)
			}
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
