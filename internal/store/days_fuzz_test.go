package store

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// isDay reports whether d is a YYYY-MM-DD day: the form every stored day
// has, whose string order is the dates' order.
func isDay(d string) bool {
	if len(d) != 10 {
		return false
	}
	_, err := time.Parse("2006-01-02", d)
	return err == nil
}

func mustDay(t *testing.T, d string) time.Time {
	tm, err := time.Parse("2006-01-02", d)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// FuzzDays: the day arithmetic behind filters, clusters and timelines,
// on any date value and shift: every day it returns is a YYYY-MM-DD
// (so that the string comparisons the stores and the timeline walk make
// order the dates), buckets contain their day and the next bucket comes
// after it, or there is none ("").
func FuzzDays(f *testing.F) {
	for _, s := range []string{"2024-06-14", "2024-02", "2024", "2024-02-29", "2023-02-29", "0000", "9999-12-31", "9999-12", "0000-01-01", "", "2024-6-1"} {
		f.Add(s, int16(1))
		f.Add(s, int16(-400))
	}
	f.Fuzz(func(t *testing.T, v string, shift int16) {
		d := DayOf(v)
		if d == "" {
			if LastDayOf(v) != "" {
				t.Fatalf("LastDayOf(%q) = %q of no day", v, LastDayOf(v))
			}
			return
		}
		if !isDay(d) || d[:4] != v[:4] {
			t.Fatalf("DayOf(%q) = %q", v, d)
		}
		if e := LastDayOf(v); !isDay(e) || e < d || e[:4] != d[:4] {
			t.Fatalf("LastDayOf(%q) = %q, first day %q", v, e, d)
		}
		// the first week of year 0000 starts in year -1, a bucket that
		// sorts before every day but is no YYYY-MM-DD
		year0 := d < "0000-01-07"
		if w := WeekOf(d); !isDay(w) && !year0 || w > d {
			t.Fatalf("WeekOf(%q) = %q", d, w)
		}
		for _, interval := range append(Intervals(), "") {
			if err := CheckInterval(interval); err != nil {
				t.Fatalf("CheckInterval(%q): %v", interval, err)
			}
			b := BucketOf(d, interval)
			if !isDay(b) && year0 && interval == "week" {
				continue
			}
			if !isDay(b) || b > d {
				t.Fatalf("BucketOf(%q, %q) = %q", d, interval, b)
			}
			n := NextBucket(b, interval)
			switch {
			case n == "" && b[:4] != "9999":
				t.Fatalf("NextBucket(%q, %q): none before year 9999's last", b, interval)
			case n == "":
			case !isDay(n) || n <= d:
				t.Fatalf("NextBucket(%q, %q) = %q after day %q", b, interval, n, d)
			case BucketOf(n, interval) != n || BucketOf(AddDays(n, -1), interval) != b:
				// the next bucket starts a bucket, right after b's last day
				t.Fatalf("NextBucket(%q, %q) = %q: not the bucket that follows", b, interval, n)
			}
		}
		s := AddDays(d, int(shift))
		switch y := mustDay(t, d).AddDate(0, 0, int(shift)).Year(); {
		case y < 0 || y > 9999:
			if s != "" {
				t.Fatalf("AddDays(%q, %d) = %q past the years 0000 to 9999", d, shift, s)
			}
		case !isDay(s):
			t.Fatalf("AddDays(%q, %d) = %q", d, shift, s)
		case shift > 0 && s <= d, shift < 0 && s >= d, shift == 0 && s != d:
			t.Fatalf("AddDays(%q, %d) = %q: out of order", d, shift, s)
		}
	})
}

// FuzzTextTerms: a full-text query's terms are its runs of letters and
// digits, in order; a prefix's end bounds every string with the prefix.
func FuzzTextTerms(f *testing.F) {
	for _, s := range []string{"ceasefire talks", "Kyiv's drone-strike", "  ", "\xff\xfe", "a1 b2\u00a0c3", "ÉVÉNEMENT 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		from := 0
		for _, term := range TextTerms(q) {
			i := strings.Index(q[from:], term)
			if term == "" || i < 0 {
				t.Fatalf("TextTerms(%q): term %q not in order in the query", q, term)
			}
			for _, r := range term {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					t.Fatalf("TextTerms(%q): term %q holds %q", q, term, r)
				}
			}
			from += i + len(term)
		}
		if utf8.ValidString(q) {
			words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if got := TextTerms(q); !slices.Equal(got, words) {
				t.Fatalf("TextTerms(%q) = %q, the query's words are %q", q, got, words)
			}
		}
		e := PrefixEnd(q)
		if e == "" {
			if strings.Trim(q, "\xff") != "" {
				t.Fatalf("PrefixEnd(%q): no bound", q)
			}
			return
		}
		// the smallest string after every one with the prefix q: q with
		// its trailing 0xff bytes cut and its last byte raised by one
		k := len(e) - 1
		if k >= len(q) || e[:k] != q[:k] || e[k] != q[k]+1 || strings.Trim(q[k+1:], "\xff") != "" {
			t.Fatalf("PrefixEnd(%q) = %q", q, e)
		}
		if r := CameoRoot(q); len(q) >= 2 && r != q[:2] || len(q) < 2 && r != "" {
			t.Fatalf("CameoRoot(%q) = %q", q, r)
		}
	})
}
