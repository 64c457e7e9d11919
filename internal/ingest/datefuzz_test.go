package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// checkPublished fails unless p's date is a valid YYYY-MM-DD, YYYY-MM or
// YYYY of its precision.
func checkPublished(t *testing.T, what string, p model.Published) {
	t.Helper()
	if p.Date == nil {
		return
	}
	d, prec, err := parseFlagDate(*p.Date)
	if err != nil || d != *p.Date || p.Precision == nil || *p.Precision != prec {
		t.Fatalf("%s: date %q of precision %v: %v", what, *p.Date, p.Precision, err)
	}
}

// FuzzDates: the date readers of flags, records and feeds, and the
// inference from a body's datelines and captions, on any text: no
// panic, every date they return valid and of its precision, and every
// piece of evidence taken from the input.
func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"2024-06-14", "2024-06", "2024", " 2024-02-30 ", "2024-13",
		"2024-06-14T09:30:00Z", "2024-06-14 09:30:00", "Fri, 14 Jun 2024 09:30:00 +0200",
		"14 June 2024", "June 14, 2024", "Jun 14, 2024", "0000-01-01T00:00:00Z",
		"QUITO, 3rd March 2023 (EFE) - Officials said on Friday that the road reopened.",
		"Soldiers on patrol near the border on Tuesday, Sept. 5, 2023. (AP)",
		"On Monday, 2023-11-06, and Monday 13 November 2023 the talks went on.",
		"31 February 2024 on Thursday", "9999-12-31 Sunday",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, prec, err := parseFlagDate(s); err == nil {
			layout := map[string]string{model.PrecisionDay: "2006-01-02", model.PrecisionMonth: "2006-01", model.PrecisionYear: "2006"}[prec]
			if d != strings.TrimSpace(s) || layout == "" {
				t.Fatalf("parseFlagDate(%q) = %q, %q", s, d, prec)
			}
			if _, err := time.Parse(layout, d); err != nil {
				t.Fatalf("parseFlagDate(%q) = %q, not a %s date: %v", s, d, prec, err)
			}
		} else if !strings.Contains(err.Error(), "want YYYY-MM-DD") {
			t.Fatalf("parseFlagDate(%q): error %q does not say what it wants", s, err)
		}
		if p, ok := parseLooseDate(s); ok {
			if p.Date == nil || p.Evidence == nil || *p.Evidence != strings.TrimSpace(s) || p.Source != model.DateFromMetadata {
				t.Fatalf("parseLooseDate(%q) = %+v", s, p)
			}
			checkPublished(t, "parseLooseDate", p)
		} else if p.Date != nil {
			t.Fatalf("parseLooseDate(%q) failed with a date %q", s, *p.Date)
		}
		for _, dm := range findDates(s) {
			if dm.text == "" || !strings.Contains(s, dm.text) || dm.t.Year() < 1900 || dm.t.Year() > 2200 {
				t.Fatalf("findDates(%q): %q → %s", s, dm.text, dm.t)
			}
		}
		a := model.NewArticle()
		a.Body = s
		a.Captions = []model.Caption{{Text: s}}
		p := inferPublished(a)
		checkPublished(t, "inferPublished", p)
		if p.Date != nil {
			d, _ := time.Parse("2006-01-02", *p.Date)
			if p.Evidence == nil || !strings.Contains(s, *p.Evidence) || !containsWord(s, d.Weekday().String()) || p.Source != model.DateFromInferred {
				t.Fatalf("inferPublished(%q) = %s from %v, a %s the body does not name", s, *p.Date, p.Evidence, d.Weekday())
			}
		} else if p.Source != model.DateUnknown {
			t.Fatalf("inferPublished(%q): no date, source %q", s, p.Source)
		}
	})
}

// FuzzSplitCredit: a caption line splits into text and credit, both
// pieces of the line, the credit after the text and short; or stays
// whole.
func FuzzSplitCredit(f *testing.F) {
	for _, s := range []string{
		"Rescue workers search the rubble in Antakya. (AFP)",
		"Farmers protest near the parliament in Warsaw. Photo: Jan Nowak/Reuters",
		"A view of the harbour on Monday | Picture by Ana Silva",
		"Voters queue outside a polling station on 09 January 2025. EPA/JOHN DOE",
		"Delegates at the summit on Monday. AFP via Getty Images",
		"The minister — Photograph: Kemal Yildiz/Anadolu",
		"Leaders met at the SCO (SCO) summit", "(AFP)", "x. (", "Photo:", " by  ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text, credit, ok := splitCredit(s)
		if !ok {
			if text != "" || credit != "" {
				t.Fatalf("splitCredit(%q): no credit, but %q and %q", s, text, credit)
			}
			return
		}
		if text == "" || credit == "" || len(credit) > 90 {
			t.Fatalf("splitCredit(%q) = %q, %q", s, text, credit)
		}
		i := strings.Index(s, text)
		if i < 0 || !strings.Contains(s[i+len(text):], credit) {
			t.Fatalf("splitCredit(%q) = %q, %q: not the line's text then its credit", s, text, credit)
		}
	})
}
