package serve

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

func TestNodeCode(t *testing.T) {
	for code, want := range map[string]string{
		"RUSGOV": "RUS", "RUS": "RUS", "IGOUNO": "IGOUNO", "IGOEUREEC": "IGOEUREEC",
		"IGOWSTNAT": "IGOWSTNAT", "IGOEURCOE": "IGOEURCOE", "IGOUNOREFHCR": "IGOUNOREFHCR",
		"NGOHRW": "NGOHRW", "PRKMIL": "PRK", "IGO": "IGO", "USAGOVLEG": "USA", "KEN": "KEN",
	} {
		if got := nodeCode(code); got != want {
			t.Errorf("nodeCode(%s) = %s, want %s", code, got, want)
		}
	}
}

func TestEdgeStyle(t *testing.T) {
	if edgeColor(-10) != "#c2372f" || edgeColor(10) != "#1e8a4c" || edgeColor(0) != "#8a929e" {
		t.Errorf("edge colours: %s %s %s", edgeColor(-10), edgeColor(0), edgeColor(10))
	}
	if edgeColor(-3) == edgeColor(-8) || edgeColor(2) == edgeColor(7) {
		t.Error("edge colour does not show how strong the relation is")
	}
	prev := 0.0
	for _, n := range []int{1, 2, 5, 20, 100} {
		w := edgeWidth(n, 100)
		if w <= prev {
			t.Errorf("width for %d events %.2f not above %.2f", n, w, prev)
		}
		prev = w
	}
	if edgeWidth(100, 100) > 8.01 {
		t.Errorf("busiest edge %.2f wide", edgeWidth(100, 100))
	}
}

// A crowded graph: after spreading and placing, no two circles overlap
// and no label overlaps another label.
func TestLabelsDoNotOverlap(t *testing.T) {
	var cs []netCircle
	for i := range 40 {
		// Clumps of nodes at nearly the same spot, as a force layout
		// leaves a star's leaves.
		cs = append(cs, netCircle{X: 500 + float64(i%5)*3, Y: 320 + float64(i/5)*2, R: 6 + float64(i%7),
			Code: fmt.Sprintf("IGO%03d", i)})
	}
	spreadNodes(cs, 1000, 640)
	placeLabels(cs, 1000, 640)
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if d := math.Hypot(cs[i].X-cs[j].X, cs[i].Y-cs[j].Y); d < cs[i].R+cs[j].R {
				t.Errorf("circles %s and %s overlap (distance %.1f)", cs[i].Code, cs[j].Code, d)
			}
			lb := func(c netCircle) box {
				w := labelCharW*float64(len(c.Code)) + 4
				return box{c.LX - w/2, c.LY - labelH + 3, c.LX + w/2, c.LY + 3}
			}
			if lb(cs[i]).overlaps(lb(cs[j])) {
				t.Errorf("labels %s (%.0f,%.0f) and %s (%.0f,%.0f) overlap", cs[i].Code, cs[i].LX, cs[i].LY, cs[j].Code, cs[j].LX, cs[j].LY)
			}
		}
	}
}

// timelineOnly answers Timeline with fixed points (the rest of the
// store is not used).
type timelineOnly struct {
	store.Store
	pts []store.TimelinePoint
}

func (f timelineOnly) Timeline(context.Context, store.TimelineQuery) ([]store.TimelinePoint, error) {
	return f.pts, nil
}

// Events finds no event (the window is read off the whole timeline).
func (f timelineOnly) Events(context.Context, store.EventFilter) (store.Page[store.EventRecord], error) {
	return store.Page[store.EventRecord]{}, nil
}

// The network's window starts on a day, counted back over dated
// buckets only: spans and the undated point come last in a timeline and
// name no day to start from.
func TestRecentWindowSkipsSpansAndUndated(t *testing.T) {
	s := &Server{st: timelineOnly{pts: []store.TimelinePoint{
		{Bucket: "2024-01-01", Count: 5}, {Bucket: "2024-01-02", Count: 0}, {Bucket: "2024-01-03", Count: 8},
		{Bucket: "2016-01-01", Count: 50, Kind: store.PointSpan, Precision: "range"},
		{Bucket: store.PointUndated, Count: 100, Kind: store.PointUndated},
	}}, opts: Options{NetworkScan: 10}}
	got, err := s.recentWindow(context.Background(), store.EventFilter{})
	if err != nil || got != "2024-01-01" {
		t.Errorf("window starts %q (%v), want 2024-01-01", got, err)
	}
}
