package analysis

import (
	"context"
	"net/url"
	"testing"

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

// FuzzFillGaps checks that a dense timeline is sorted, gap-free and
// keeps every event inside the range.
func FuzzFillGaps(f *testing.F) {
	f.Add("2025-01-03", 2, "2025-01-01", "2025-01-09", false)
	f.Add("2024-02-29", 1, "", "", true)
	f.Add("x", 1, "", "", false)
	f.Fuzz(func(t *testing.T, bucket string, count int, since, until string, weekly bool) {
		interval := "day"
		if weekly {
			interval = "week"
		}
		in := []store.TimelinePoint{{Bucket: bucket, Count: count}}
		out := FillGaps(in, interval, since, until)
		if len(out) > MaxBuckets {
			t.Fatalf("%d buckets", len(out))
		}
		if len(out) == 1 && out[0].Bucket == bucket {
			return // returned as is, or a one-bucket range
		}
		step := 1
		if weekly {
			step = 7
		}
		for i := 1; i < len(out); i++ {
			if next := store.AddDays(out[i-1].Bucket, step); out[i].Bucket != next {
				t.Fatalf("bucket %d is %s after %s", i, out[i].Bucket, out[i-1].Bucket)
			}
		}
	})
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
