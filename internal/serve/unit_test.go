package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/store"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func TestSegments(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		base  int
		marks []mark
		want  []Segment
	}{
		{"no marks", "Kenya met Ethiopia.", 0, nil, []Segment{{Text: "Kenya met Ethiopia."}}},
		{"two marks", "Kenya met Ethiopia.", 100, []mark{{100, 105, "a", "A", 1}, {110, 118, "b", "B", 1}},
			[]Segment{{"Kenya", "a", "A"}, {" met ", "", ""}, {"Ethiopia", "b", "B"}, {".", "", ""}}},
		{"higher priority wins overlap", "abcdef", 0, []mark{{0, 4, "low", "", 1}, {2, 6, "high", "", 2}},
			[]Segment{{"ab", "low", ""}, {"cdef", "high", ""}}},
		{"marks outside are clipped", "abc", 10, []mark{{0, 11, "x", "", 1}, {12, 99, "y", "", 1}},
			[]Segment{{"a", "x", ""}, {"b", "", ""}, {"c", "y", ""}}},
		{"never splits a rune", "Côte", 0, []mark{{0, 2, "x", "", 1}},
			[]Segment{{"Cô", "x", ""}, {"te", "", ""}}},
		{"empty", "", 0, []mark{{0, 1, "x", "", 1}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := segments(tt.text, tt.base, tt.marks)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func FuzzSegments(f *testing.F) {
	f.Add("Kenya met Ethiopia.", 0, []byte{0, 5, 10, 18})
	f.Add("Côte d’Ivoire", 3, []byte{4, 6, 1, 2})
	f.Fuzz(func(t *testing.T, text string, base int, raw []byte) {
		base = base % 1000
		var ms []mark
		for i := 0; i+1 < len(raw); i += 2 {
			ms = append(ms, mark{start: base + int(raw[i]) - 8, end: base + int(raw[i+1]) - 8, class: "c", prio: i})
		}
		segs := segments(text, base, ms)
		var sb strings.Builder
		for _, s := range segs {
			if s.Text == "" {
				t.Fatal("empty segment")
			}
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Fatalf("segment %q splits a rune", s.Text)
			}
			sb.WriteString(s.Text)
		}
		if sb.String() != text {
			t.Fatalf("segments %q do not rebuild %q", segs, text)
		}
	})
}

func FuzzEventFilter(f *testing.F) {
	for _, s := range []string{
		"dyad=RUS,PRK&directed=true&limit=10", "bbox=-10,35,40,60", "modality=denied,future",
		"since=2025-01-01&until=2024-01-01", "limit=99999", "bbox=NaN,0,0,0", "actor=rus&code=19",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		ef, err := eventFilter(v)
		if err != nil {
			var pe *paramError
			if !errors.As(err, &pe) || pe.Param == "" || pe.Message == "" {
				t.Fatalf("error %v does not name a parameter", err)
			}
			return
		}
		if ef.Limit < 1 || ef.Limit > store.MaxLimit {
			t.Fatalf("limit %d out of range", ef.Limit)
		}
		if b := ef.BBox; b != nil && (b.MinLon < -180 || b.MaxLon > 180 || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon > b.MaxLon || b.MinLat > b.MaxLat) {
			t.Fatalf("bbox %+v accepted", b)
		}
		for _, m := range ef.Modality {
			if !slices.Contains(Modalities, m) {
				t.Fatalf("modality %q accepted", m)
			}
		}
		for _, d := range []string{ef.Since, ef.Until} {
			if d != "" {
				if _, err := time.Parse("2006-01-02", d); err != nil {
					t.Fatalf("date %q accepted", d)
				}
			}
		}
	})
}

// TestChartGolden pins the timeline chart geometry; refresh with -update.
func TestChartGolden(t *testing.T) {
	pts := []store.TimelinePoint{
		{Bucket: "2025-03-03", Count: 3, Quad: [4]int{1, 1, 1, 0}, Goldstein: 6, Index: 2},
		{Bucket: "2025-03-17", Count: 7, Quad: [4]int{0, 1, 2, 4}, Goldstein: -35, Index: -5},
		{Bucket: "2025-03-24", Count: 1, Quad: [4]int{0, 0, 0, 1}, Goldstein: -10, Index: -10},
	}
	got, err := json.MarshalIndent(buildChart(fillGaps(pts, "week")), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "chart.golden.json")
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Errorf("chart differs from %s (run with -update after checking):\n%s", path, got)
	}
}

func TestFillGaps(t *testing.T) {
	pts := []store.TimelinePoint{{Bucket: "2025-01-06", Count: 1}, {Bucket: "2025-01-20", Count: 2}}
	got := fillGaps(pts, "week")
	var buckets []string
	for _, p := range got {
		buckets = append(buckets, p.Bucket)
	}
	if want := []string{"2025-01-06", "2025-01-13", "2025-01-20"}; !slices.Equal(buckets, want) {
		t.Errorf("buckets %v, want %v", buckets, want)
	}
}

func TestLayoutStaysInBox(t *testing.T) {
	nodes := []NetworkNode{{Code: "A"}, {Code: "B"}, {Code: "C"}, {Code: "D"}}
	edges := []NetworkEdge{{Source: "A", Target: "B", Count: 5}, {Source: "B", Target: "C", Count: 1}}
	layout(nodes, edges, 1000, 640)
	seen := map[[2]float64]bool{}
	for _, n := range nodes {
		if n.X < 0 || n.X > 1000 || n.Y < 0 || n.Y > 640 {
			t.Errorf("node %s at (%v,%v) outside the box", n.Code, n.X, n.Y)
		}
		k := [2]float64{n.X, n.Y}
		if seen[k] {
			t.Errorf("two nodes at %v", k)
		}
		seen[k] = true
	}
}
