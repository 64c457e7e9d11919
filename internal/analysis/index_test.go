package analysis

import (
	"math"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

func counts(n ...int) []store.TimelinePoint {
	out := make([]store.TimelinePoint, len(n))
	for i, c := range n {
		out[i] = store.TimelinePoint{Count: c}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestBaseline(t *testing.T) {
	tests := []struct {
		name     string
		points   []store.TimelinePoint
		window   int
		mean, sd float64
	}{
		{"empty", nil, 7, 0, 0},
		{"one point has no spread", counts(5), 7, 5, 0},
		{"flat", counts(2, 2, 2, 2), 0, 2, 0},
		// Sample sd (n-1) of the textbook series 2 4 4 4 5 5 7 9.
		{"textbook", counts(2, 4, 4, 4, 5, 5, 7, 9), 0, 5, math.Sqrt(32.0 / 7)},
		{"window keeps the most recent", counts(100, 100, 1, 3), 2, 2, math.Sqrt(2)},
		{"window longer than series", counts(1, 3), 30, 2, math.Sqrt(2)},
		{"negative window means all", counts(1, 2, 3), -1, 2, 1},
		{"zeros count as quiet days", counts(0, 0, 0, 4), 0, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mean, sd := Baseline(tt.points, tt.window)
			if !near(mean, tt.mean) || !near(sd, tt.sd) {
				t.Errorf("Baseline = (%v, %v), want (%v, %v)", mean, sd, tt.mean, tt.sd)
			}
		})
	}
}

func TestBaselineOfIndex(t *testing.T) {
	pts := []store.TimelinePoint{
		{Count: 2, Goldstein: 8},    // index 4
		{Count: 1, Goldstein: -10},  // index -10
		{Count: 4, Goldstein: 12},   // index 3
		{Count: 0, Goldstein: 0},    // index 0
		{Count: 3, Goldstein: -4.5}, // index -1.5
	}
	mean, _ := BaselineOf(pts, 0, Index)
	if want := (4 - 10 + 3 + 0 - 1.5) / 5; !near(mean, want) {
		t.Errorf("mean index = %v, want %v", mean, want)
	}
	if got := Index(store.TimelinePoint{}); got != 0 {
		t.Errorf("Index(empty) = %v, want 0", got)
	}
}

func TestZScore(t *testing.T) {
	tests := []struct {
		name               string
		x, mean, sd, floor float64
		want               float64
	}{
		{"plain", 7, 3, 2, 1, 2},
		{"floor lifts a flat baseline", 3, 1, 0, 1, 2},
		{"floor below sd is ignored", 7, 3, 2, 0.5, 2},
		{"below the mean", 0, 4, 2, 1, -2},
		{"no floor, flat, above", 2, 1, 0, 0, math.Inf(1)},
		{"no floor, flat, equal", 1, 1, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ZScore(tt.x, tt.mean, tt.sd, tt.floor); got != tt.want {
				t.Errorf("ZScore = %v, want %v", got, tt.want)
			}
		})
	}
}

func buckets(pts []store.TimelinePoint) []string {
	out := make([]string, len(pts))
	for i, p := range pts {
		out[i] = p.Bucket
	}
	return out
}

func TestFillGaps(t *testing.T) {
	sparse := []store.TimelinePoint{
		{Bucket: "2025-03-02", Count: 2, Goldstein: 6, Index: 3},
		{Bucket: "2025-03-05", Count: 1, Goldstein: -4, Index: -4},
	}
	tests := []struct {
		name         string
		points       []store.TimelinePoint
		interval     string
		since, until string
		want         []string
		wantCount    int // total events in the result
	}{
		{"days from the points", sparse, "day", "", "",
			[]string{"2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05"}, 3},
		{"days padded by the bounds", sparse, "day", "2025-03-01", "2025-03-06",
			[]string{"2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"}, 3},
		{"bounds cut points off", sparse, "day", "2025-03-03", "2025-03-05",
			[]string{"2025-03-03", "2025-03-04", "2025-03-05"}, 1},
		{"across a month end", []store.TimelinePoint{{Bucket: "2024-02-28", Count: 1}}, "day", "", "2024-03-01",
			[]string{"2024-02-28", "2024-02-29", "2024-03-01"}, 1},
		// 2025-03-02 is a Sunday: it belongs to the week of Monday 02-24.
		{"weeks start on Monday", sparse, "week", "", "2025-03-12",
			[]string{"2025-02-24", "2025-03-03", "2025-03-10"}, 3},
		{"empty input with bounds", nil, "day", "2025-01-30", "2025-02-01",
			[]string{"2025-01-30", "2025-01-31", "2025-02-01"}, 0},
		{"empty input without bounds", nil, "day", "", "", []string{}, 0},
		{"until before since", sparse, "day", "2025-03-09", "2025-03-01", []string{}, 0},
		// Bad input cannot be densified: handed back untouched.
		{"unknown interval", sparse, "hour", "", "", []string{"2025-03-02", "2025-03-05"}, 3},
		{"bad bucket", []store.TimelinePoint{{Bucket: "March", Count: 1}}, "day", "", "", []string{"March"}, 1},
		{"bad bound", sparse, "day", "yesterday", "", []string{"2025-03-02", "2025-03-05"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FillGaps(tt.points, tt.interval, tt.since, tt.until)
			if b := buckets(got); !equal(b, tt.want) {
				t.Fatalf("buckets = %q, want %q", b, tt.want)
			}
			n := 0
			for _, p := range got {
				n += p.Count
			}
			if n != tt.wantCount {
				t.Errorf("events = %d, want %d", n, tt.wantCount)
			}
		})
	}
}

func TestFillGapsWeekMergesDays(t *testing.T) {
	days := []store.TimelinePoint{
		{Bucket: "2025-03-03", Count: 1, Goldstein: 4, Quad: [4]int{1, 0, 0, 0}},
		{Bucket: "2025-03-05", Count: 1, Goldstein: -10, Quad: [4]int{0, 0, 0, 1}},
	}
	got := FillGaps(days, "week", "", "")
	if len(got) != 1 {
		t.Fatalf("got %d buckets, want 1", len(got))
	}
	p := got[0]
	if p.Count != 2 || p.Quad != [4]int{1, 0, 0, 1} || !near(p.Index, -3) {
		t.Errorf("merged = %+v", p)
	}
}

func TestFillGapsCap(t *testing.T) {
	got := FillGaps(nil, "day", "0001-01-01", "2025-01-01")
	if len(got) != MaxBuckets {
		t.Fatalf("len = %d, want %d", len(got), MaxBuckets)
	}
	if last := got[len(got)-1].Bucket; last != "2025-01-01" {
		t.Errorf("last bucket %s, want the recent end kept", last)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
