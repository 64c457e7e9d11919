package serve

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"sync"

	"github.com/sitrep-project/sitrep/internal/store"
)

// Network is the actor graph: who acts on whom, how often, and how
// cooperative the relation is on average.
type Network struct {
	Nodes []NetworkNode `json:"nodes"`
	Edges []NetworkEdge `json:"edges"`
	// Events is the number of events with a target that were counted;
	// Truncated says edges were dropped to keep the graph readable.
	Events    int  `json:"events"`
	Truncated bool `json:"truncated"`
	// Since is set when the graph covers only the most recent events
	// (from that day on) because the filter matched too many to scan.
	Since string `json:"since,omitempty"`
}

// NetworkNode is one actor. X and Y are its layout position in a
// 1000x640 box (used by the dashboard's SVG).
type NetworkNode struct {
	Code   string  `json:"code"`
	Events int     `json:"events"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
}

// NetworkEdge is a directed dyad with its event count and mean
// Goldstein score (-10 conflict .. +10 cooperation).
type NetworkEdge struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"`
}

// networkParams reads the event filter plus level=country|actor: at
// country level codes are cut to their three-letter country part, which
// keeps a large store's graph legible.
func networkParams(v url.Values) (store.EventFilter, string, error) {
	f, err := eventFilter(v)
	if err != nil {
		return f, "", err
	}
	level := query{v}.str("level")
	switch level {
	case "":
		level = "country"
	case "country", "actor":
	default:
		return f, "", badParam("level", "must be country or actor, got %q", level)
	}
	f.Limit, f.Cursor = 0, ""
	return f, level, nil
}

// errScanDone stops EachEvent once the scan budget is spent.
var errScanDone = errors.New("network scan budget spent")

// network aggregates dyads while streaming the events, so memory grows
// with the number of distinct dyads, not events; then it keeps the
// NetworkEdges busiest edges and lays the nodes out. The store has no
// per-dyad aggregate query, so streaming is the cost: when the filter
// has no start date the window is narrowed to the most recent
// NetworkScan events (found from the cheap timeline aggregates), and
// results are cached until the store's counts change.
func (s *Server) network(ctx context.Context, f store.EventFilter, level string) (Network, error) {
	stats, err := s.st.Stats(ctx)
	if err != nil {
		return Network{}, fmt.Errorf("network: %w", err)
	}
	key := fmt.Sprintf("%s|%+v|%+v", level, f, stats)
	if n, ok := s.netCache.get(key); ok {
		return n, nil
	}
	var n Network
	if f.Since == "" && stats.Events > s.opts.NetworkScan {
		since, err := s.recentWindow(ctx, f)
		if err != nil {
			return n, err
		}
		f.Since, n.Since = since, since
	}
	type agg struct {
		n   int
		sum float64
	}
	dyads := map[[2]string]*agg{}
	nodes := map[string]string{} // nodeCode by code: thousands of pairs, a few hundred codes
	node := func(code string) string {
		n, ok := nodes[code]
		if !ok {
			n = nodeCode(code)
			nodes[code] = n
		}
		return n
	}
	add := func(a, b string, count int, gs float64) {
		if level == "country" {
			a, b = node(a), node(b)
		}
		if a == b {
			return // domestic events would only draw loops
		}
		k := [2]string{a, b}
		d := dyads[k]
		if d == nil {
			d = &agg{}
			dyads[k] = d
		}
		d.n += count
		d.sum += gs
		n.Events += count
	}
	if dc, ok := s.st.(store.DyadCounter); ok {
		// The store sums the dyads (from an index alone for a date
		// range): no events to stream.
		counts, err := dc.DyadCounts(ctx, f)
		if err != nil {
			return n, fmt.Errorf("network: %w", err)
		}
		for _, c := range counts {
			add(c.Source, c.Target, c.Events, c.Goldstein)
		}
	} else {
		scanned := 0
		err = s.st.EachEvent(ctx, f, func(e store.EventRecord) error {
			if scanned++; scanned > 2*s.opts.NetworkScan {
				return errScanDone // the window estimate was off; enough is enough
			}
			if e.Target == nil || e.Target.Code == "" || e.Source.Code == "" {
				return nil
			}
			add(e.Source.Code, e.Target.Code, 1, e.Goldstein)
			return nil
		})
		if errors.Is(err, errScanDone) {
			n.Truncated, err = true, nil
		}
		if err != nil {
			return n, fmt.Errorf("network: %w", err)
		}
	}
	n.Edges = make([]NetworkEdge, 0, len(dyads))
	for k, d := range dyads {
		n.Edges = append(n.Edges, NetworkEdge{Source: k[0], Target: k[1], Count: d.n, Goldstein: round2(d.sum / float64(d.n))})
	}
	slices.SortFunc(n.Edges, func(x, y NetworkEdge) int {
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Source, y.Source); c != 0 {
			return c
		}
		return cmp.Compare(x.Target, y.Target)
	})
	if len(n.Edges) > s.opts.NetworkEdges {
		n.Edges, n.Truncated = n.Edges[:s.opts.NetworkEdges], true
	}
	count := map[string]int{}
	for _, e := range n.Edges {
		count[e.Source] += e.Count
		count[e.Target] += e.Count
	}
	n.Nodes = make([]NetworkNode, 0, len(count))
	for c, k := range count {
		n.Nodes = append(n.Nodes, NetworkNode{Code: c, Events: k})
	}
	slices.SortFunc(n.Nodes, func(x, y NetworkNode) int {
		if c := cmp.Compare(y.Events, x.Events); c != 0 {
			return c
		}
		return cmp.Compare(x.Code, y.Code)
	})
	layout(n.Nodes, n.Edges, 1000, 640)
	s.netCache.put(key, n)
	return n, nil
}

// recentWindow returns the first day of the most recent stretch of days
// holding about NetworkScan events that match f, read off the timeline
// aggregates: first the recentDays before the newest event (ten years
// of daily sums took a third of the first visit at ten million events),
// then, when those hold too few, the whole timeline.
func (s *Server) recentWindow(ctx context.Context, f store.EventFilter) (string, error) {
	q := store.TimelineQuery{Code: f.Code, Interval: "day", Until: f.Until}
	switch {
	case f.Source != "" || f.Target != "":
		q.A, q.B, q.Directed = f.Source, f.Target, !f.Undirected
	case f.Actor != "":
		q.A = f.Actor
	}
	if len(q.Code) > 2 {
		q.Code = q.Code[:2] // finer codes make the store scan events; the root is enough for an estimate
	}
	newest, err := s.st.Events(ctx, store.EventFilter{Newest: true, Until: f.Until, Limit: 1})
	if err != nil {
		return "", fmt.Errorf("network window: %w", err)
	}
	if len(newest.Items) > 0 && newest.Items[0].Day != "" {
		recent := q
		recent.Since = store.AddDays(newest.Items[0].Day, -recentDays)
		if day, err := s.windowStart(ctx, recent); err != nil || day != "" {
			return day, err
		}
	}
	return s.windowStart(ctx, q)
}

// recentDays is how far back from the newest event recentWindow looks
// first.
const recentDays = 92

// windowStart counts q's daily timeline back from its end and returns
// the day on which NetworkScan events are reached, "" if never.
func (s *Server) windowStart(ctx context.Context, q store.TimelineQuery) (string, error) {
	pts, err := s.st.Timeline(ctx, q)
	if err != nil {
		return "", fmt.Errorf("network window: %w", err)
	}
	total := 0
	for i := len(pts) - 1; i >= 0; i-- {
		if pts[i].Kind != store.PointDated {
			continue // spans and the undated point come last, and are no day to start from
		}
		total += pts[i].Count
		if total >= s.opts.NetworkScan {
			return pts[i].Bucket, nil
		}
	}
	return "", nil
}

// netCache keeps a few recent network results; entries are keyed by the
// store's counts too, so any write invalidates them.
type netCache struct {
	mu    sync.Mutex
	keys  []string
	items map[string]Network
}

const netCacheSize = 16

func (c *netCache) get(key string) (Network, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.items[key]
	return n, ok
}

func (c *netCache) put(key string, n Network) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil {
		c.items = map[string]Network{}
	}
	if _, ok := c.items[key]; ok {
		return
	}
	if len(c.keys) >= netCacheSize {
		delete(c.items, c.keys[0])
		c.keys = c.keys[1:]
	}
	c.keys = append(c.keys, key)
	c.items[key] = n
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// layout is a small deterministic force-directed layout
// (Fruchterman–Reingold): nodes repel, edges pull, and the step size
// cools so the picture settles. Nodes start on a circle so that the
// result does not depend on map order.
func layout(nodes []NetworkNode, edges []NetworkEdge, w, h float64) {
	n := len(nodes)
	if n == 0 {
		return
	}
	idx := make(map[string]int, n)
	for i := range nodes {
		idx[nodes[i].Code] = i
		angle := 2 * math.Pi * float64(i) / float64(n)
		r := 0.35 * math.Min(w, h)
		nodes[i].X = w/2 + r*math.Cos(angle)
		nodes[i].Y = h/2 + r*math.Sin(angle)
	}
	if n == 1 {
		return
	}
	k := 0.8 * math.Sqrt(w*h/float64(n))
	dx := make([]float64, n)
	dy := make([]float64, n)
	temp := w / 8
	const iterations = 250
	for it := 0; it < iterations; it++ {
		clear(dx)
		clear(dy)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				ddx, ddy := nodes[i].X-nodes[j].X, nodes[i].Y-nodes[j].Y
				d2 := ddx*ddx + ddy*ddy
				if d2 < 0.01 {
					ddx, ddy, d2 = 0.1*float64(i-j), 0.1, 0.02
				}
				d := math.Sqrt(d2)
				f := k * k / d
				dx[i] += ddx / d * f
				dy[i] += ddy / d * f
				dx[j] -= ddx / d * f
				dy[j] -= ddy / d * f
			}
		}
		for _, e := range edges {
			i, j := idx[e.Source], idx[e.Target]
			ddx, ddy := nodes[i].X-nodes[j].X, nodes[i].Y-nodes[j].Y
			d := math.Max(math.Sqrt(ddx*ddx+ddy*ddy), 0.01)
			f := d * d / k * (1 + math.Log1p(float64(e.Count))/4)
			dx[i] -= ddx / d * f
			dy[i] -= ddy / d * f
			dx[j] += ddx / d * f
			dy[j] += ddy / d * f
		}
		for i := range nodes {
			// Gravity toward the centre keeps disconnected parts on screen.
			dx[i] -= (nodes[i].X - w/2) * 0.02 * k / 10
			dy[i] -= (nodes[i].Y - h/2) * 0.02 * k / 10
			d := math.Sqrt(dx[i]*dx[i] + dy[i]*dy[i])
			if d > 0 {
				step := math.Min(d, temp)
				nodes[i].X += dx[i] / d * step
				nodes[i].Y += dy[i] / d * step
			}
			nodes[i].X = math.Min(w-40, math.Max(40, nodes[i].X))
			nodes[i].Y = math.Min(h-30, math.Max(30, nodes[i].Y))
		}
		temp *= 0.985
	}
	// Stretch the settled picture to fill the box: the forces fix the
	// shape, not the scale.
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, nd := range nodes {
		minX, maxX = math.Min(minX, nd.X), math.Max(maxX, nd.X)
		minY, maxY = math.Min(minY, nd.Y), math.Max(maxY, nd.Y)
	}
	const padX, padY = 50.0, 40.0
	for i := range nodes {
		if maxX > minX {
			nodes[i].X = padX + (nodes[i].X-minX)/(maxX-minX)*(w-2*padX)
		}
		if maxY > minY {
			nodes[i].Y = padY + (nodes[i].Y-minY)/(maxY-minY)*(h-2*padY)
		}
		nodes[i].X, nodes[i].Y = math.Round(nodes[i].X*10)/10, math.Round(nodes[i].Y*10)/10
	}
}
