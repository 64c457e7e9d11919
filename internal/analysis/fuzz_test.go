package analysis

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// FuzzValidateWebhook checks that whatever ValidateWebhook accepts is an
// absolute http(s) URL with a host and without credentials. allowPrivate
// is on so that no DNS lookups run.
func FuzzValidateWebhook(f *testing.F) {
	for _, s := range []string{"https://8.8.8.8/x", "http://u:p@h/", "ftp://h/", "http://[::1]:0/", "http://h:65536/", "//h/x", "http://%41/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if ValidateWebhook(raw, true) != nil {
			return
		}
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Hostname() == "" {
			t.Fatalf("accepted %q (%+v, %v)", raw, u, err)
		}
	})
}

// FuzzFillGaps checks that a dense timeline is sorted, gap-free, keeps
// every event inside the range and labels every bucket with a date that
// parses back and is the start of its own bucket.
func FuzzFillGaps(f *testing.F) {
	f.Add("2025-01-03", 2, "2025-01-01", "2025-01-09", uint8(0))
	f.Add("2024-02-29", 1, "", "", uint8(1))
	f.Add("x", 1, "", "", uint8(0))
	f.Add("0000-01-03", 1, "", "", uint8(1)) // year 0: its Monday is in year -1
	f.Add("9999-12-30", 1, "9999-12-01", "", uint8(2))
	f.Fuzz(func(t *testing.T, bucket string, count int, since, until string, iv uint8) {
		interval := []string{"day", "week", "month"}[iv%3]
		in := []store.TimelinePoint{{Bucket: bucket, Count: count}}
		out := FillGaps(in, interval, since, until)
		if len(out) > MaxBuckets {
			t.Fatalf("%d buckets", len(out))
		}
		if len(out) == 1 && out[0].Bucket == bucket {
			return // returned as is, or a one-bucket range
		}
		total := 0
		for i, p := range out {
			if _, err := time.Parse("2006-01-02", p.Bucket); err != nil {
				t.Fatalf("bucket %d label %q does not parse back: %v", i, p.Bucket, err)
			}
			if b := store.BucketOf(p.Bucket, interval); b != p.Bucket {
				t.Fatalf("bucket %d label %s is not the start of its %s (%s)", i, p.Bucket, interval, b)
			}
			if i > 0 {
				if next := store.NextBucket(out[i-1].Bucket, interval); p.Bucket != next {
					t.Fatalf("bucket %d is %s after %s, want %s", i, p.Bucket, out[i-1].Bucket, next)
				}
			}
			total += p.Count
		}
		if total != 0 && total != count {
			t.Fatalf("counts sum to %d, want %d or 0 (dropped)", total, count)
		}
	})
}

// TestFillGapsDateRange: labels stay within the years 1 to 9999 that
// YYYY-MM-DD spells; points outside are dropped and bounds clamped.
func TestFillGapsDateRange(t *testing.T) {
	cases := []struct {
		name, interval, since, until string
		points                       []string
		first, last                  string
		n                            int
	}{
		{"year 0 point, weekly", "week", "", "", []string{"0000-01-03", "0001-01-10"}, "0001-01-08", "0001-01-08", 1},
		{"year 0 since, weekly", "week", "0000-06-01", "0001-01-20", nil, "0001-01-01", "0001-01-15", 3},
		{"year 0 since, monthly", "month", "0000-12-15", "0001-02-01", nil, "0001-01-01", "0001-02-01", 2},
		{"last days, daily", "day", "9999-12-30", "", []string{"9999-12-31"}, "9999-12-30", "9999-12-31", 2},
		{"last week", "week", "9999-12-20", "9999-12-31", nil, "9999-12-20", "9999-12-27", 2},
		{"only year 0", "week", "", "", []string{"0000-02-02"}, "", "", 0},
		// months average 30.4 days: a cap computed in 31-day steps let
		// this range through with 101,851 buckets
		{"month cap", "month", "0000-01-01", "9700-10-10", nil, "1367-07-01", "9700-10-01", MaxBuckets},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var in []store.TimelinePoint
			for _, b := range c.points {
				in = append(in, store.TimelinePoint{Bucket: b, Count: 1})
			}
			out := FillGaps(in, c.interval, c.since, c.until)
			if len(out) != c.n {
				t.Fatalf("%d buckets %v, want %d", len(out), out, c.n)
			}
			if c.n > 0 && (out[0].Bucket != c.first || out[len(out)-1].Bucket != c.last) {
				t.Errorf("buckets %s..%s, want %s..%s", out[0].Bucket, out[len(out)-1].Bucket, c.first, c.last)
			}
		})
	}
}

// BenchmarkCheck measures alert evaluation per stored article with a
// handful of rules of each kind, on SQLite.
func BenchmarkCheck(b *testing.B) {
	st := openSQLite(b)
	defer st.Close()
	history(b, st, "2025-01-01", 30, 2, "INDGOV", "PAKGOV", "040", 1, 1)
	for _, r := range []store.AlertRule{
		{Name: "new", Kind: store.RuleNewEvent, Source: "IND"},
		{Name: "fight", Kind: store.RuleFirstEvent, Code: "19"},
		{Name: "first", Kind: store.RuleFirstEvent, Source: "IND"},
		{Name: "sigma", Kind: store.RuleSigma, Source: "IND", Target: "PAK", K: 3, Window: 14},
		{Name: "sigma any", Kind: store.RuleSigma, K: 2, Window: 30},
	} {
		addRule(b, st, r)
	}
	e := testEngine(st, Options{})
	ctx := context.Background()
	var a *model.Article
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		a = put(b, st, article(ev{store.AddDays("2025-01-31", i%20), "INDGOV", "PAKGOV", "042", 1.9, 1}))
		b.StartTimer()
		if _, err := e.Check(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}
