package serve

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/store"
)

// Chart is a server-side SVG chart of a dyad timeline: stacked bars of
// event counts by QuadClass and a line of the Goldstein index. All
// coordinates are computed here so the template only prints numbers.
type Chart struct {
	Width, Height float64
	Left, Right   float64 // plot x range
	Top, Bottom   float64 // plot y range
	Bars          []chartBar
	Line          string // SVG points of the index line
	Dots          []chartDot
	YTicks        []chartTick // counts, left axis
	GTicks        []chartTick // Goldstein, right axis
	XTicks        []chartTick
	ZeroY         float64 // y of Goldstein 0
	Empty         bool
	// Spans are the ranges with a known end that meet the axis, drawn
	// as closed intervals above the bars (their counts are not in them).
	Spans []chartSpan
}

// chartSpan is a range drawn from X1 to X2 at height Y.
type chartSpan struct {
	X1, X2, Y float64
	From, To  string
	Title     string
}

type chartBar struct {
	X, W  float64
	Parts []chartRect
	Title string
}

type chartRect struct {
	Y, H  float64
	Class string
}

type chartDot struct {
	X, Y  float64
	Title string
}

type chartTick struct {
	Pos   float64
	Label string
}

// maxBuckets bounds gap filling: a decade of days is still drawable but
// beyond that the chart would only be noise.
const maxBuckets = 4000

// fillGaps inserts empty buckets between the store's dated points, so
// bar widths mean time. The store fills gaps already; this keeps a chart
// honest for any source of points.
func fillGaps(pts []store.TimelinePoint, interval string) []store.TimelinePoint {
	if len(pts) < 2 {
		return pts
	}
	have := make(map[string]store.TimelinePoint, len(pts))
	for _, p := range pts {
		have[p.Bucket] = p
	}
	var out []store.TimelinePoint
	last := pts[len(pts)-1].Bucket
	for b := pts[0].Bucket; b != "" && b <= last; b = store.NextBucket(b, interval) {
		if len(out) > maxBuckets {
			return pts
		}
		if p, ok := have[b]; ok {
			out = append(out, p)
		} else {
			out = append(out, store.TimelinePoint{Bucket: b})
		}
	}
	if len(out) < len(pts) {
		return pts // buckets not aligned to the interval; draw as given
	}
	return out
}

func buildChart(pts []store.TimelinePoint) Chart {
	c := Chart{Width: 960, Height: 340, Left: 48, Right: 912, Top: 16, Bottom: 296}
	if len(pts) == 0 {
		c.Empty = true
		return c
	}
	maxCount := 1
	for _, p := range pts {
		maxCount = max(maxCount, p.Count, p.Quad[0]+p.Quad[1]+p.Quad[2]+p.Quad[3])
	}
	// A round axis maximum gives readable ticks.
	stepTick := niceStep(float64(maxCount) / 4)
	top := stepTick * math.Ceil(float64(maxCount)/stepTick)
	plotH := c.Bottom - c.Top
	band := (c.Right - c.Left) / float64(len(pts))
	gap := math.Min(band*0.15, 2)
	yOf := func(v float64) float64 { return c.Bottom - v/top*plotH }
	gy := func(g float64) float64 { return c.Top + (10-g)/20*plotH }
	c.ZeroY = round2(gy(0))
	for v := 0.0; v <= top+1e-9; v += stepTick {
		c.YTicks = append(c.YTicks, chartTick{round2(yOf(v)), strconv.FormatFloat(v, 'f', -1, 64)})
	}
	for _, g := range []float64{-10, -5, 0, 5, 10} {
		c.GTicks = append(c.GTicks, chartTick{round2(gy(g)), fmt.Sprintf("%+.0f", g)})
	}
	classes := [4]string{"q1", "q2", "q3", "q4"}
	var line []string
	labelEvery := max(1, len(pts)/8)
	for i, p := range pts {
		x := c.Left + float64(i)*band
		bar := chartBar{X: round2(x + gap/2), W: round2(math.Max(band-gap, 0.5))}
		acc := 0.0
		for q := 0; q < 4; q++ {
			if p.Quad[q] == 0 {
				continue
			}
			y0, y1 := yOf(acc), yOf(acc+float64(p.Quad[q]))
			bar.Parts = append(bar.Parts, chartRect{Y: round2(y1), H: round2(y0 - y1), Class: classes[q]})
			acc += float64(p.Quad[q])
		}
		bar.Title = fmt.Sprintf("%s: %d events (verbal coop %d, material coop %d, verbal conflict %d, material conflict %d), Goldstein index %+.2f",
			p.Bucket, p.Count, p.Quad[0], p.Quad[1], p.Quad[2], p.Quad[3], p.Index)
		c.Bars = append(c.Bars, bar)
		if p.Count > 0 {
			cx, cy := round2(x+band/2), round2(gy(p.Index))
			line = append(line, fmt.Sprintf("%g,%g", cx, cy))
			c.Dots = append(c.Dots, chartDot{cx, cy, fmt.Sprintf("%s: Goldstein index %+.2f", p.Bucket, p.Index)})
		}
		if i%labelEvery == 0 {
			c.XTicks = append(c.XTicks, chartTick{round2(x + band/2), p.Bucket})
		}
	}
	c.Line = strings.Join(line, " ")
	return c
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

type timelineData struct {
	Form   url.Values
	Query  store.TimelineQuery
	Points []store.TimelinePoint
	// Dated are the points on the time axis; Loose the spans and the
	// undated point, counted beside the chart (see store.TimelinePoint).
	Dated, Loose []store.TimelinePoint
	Undated      int
	Chart        Chart
	Total        int
	Fatalities   int
	Error        string
	Events       string // link to the matching events table
	Summary      []quadSum
	Exports      []exportLink
}

type quadSum struct {
	Name  string
	Class string
	Count int
}

func (s *Server) pageTimeline(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := timelineData{Form: v}
	q, err := timelineQuery(v)
	if err != nil {
		var pe *paramError
		if !errors.As(err, &pe) {
			s.pageFail(w, r, err)
			return
		}
		d.Error = "The " + pe.Param + " parameter " + pe.Message + "."
		d.Chart = Chart{Empty: true}
		s.render(w, r, http.StatusBadRequest, "timeline", "Timeline", d)
		return
	}
	d.Query = q
	pts, err := s.st.Timeline(r.Context(), q)
	if err != nil {
		s.pageFail(w, r, fmt.Errorf("timeline: %w", err))
		return
	}
	d.Points = pts
	for _, p := range pts {
		switch p.Kind {
		case store.PointDated:
			d.Dated = append(d.Dated, p)
		case store.PointUndated:
			d.Undated += p.Count
			d.Loose = append(d.Loose, p)
		default:
			d.Loose = append(d.Loose, p)
		}
	}
	axis := fillGaps(d.Dated, q.Interval)
	d.Chart = buildChart(axis)
	d.Chart.Spans = spanMarks(d.Chart, axis, d.Loose, q.Interval)
	var quads [4]int
	for _, p := range pts {
		d.Total += p.Count
		d.Fatalities += p.Fatalities
		for i := range quads {
			quads[i] += p.Quad[i]
		}
	}
	for i, n := range quads {
		d.Summary = append(d.Summary, quadSum{quadNames[i+1], fmt.Sprintf("q%d", i+1), n})
	}
	ev := url.Values{}
	switch {
	case q.A != "" && q.B != "":
		ev.Set("dyad", q.A+","+q.B)
		if q.Directed {
			ev.Set("directed", "true")
		}
	case q.A != "":
		ev.Set("actor", q.A)
	case q.B != "":
		ev.Set("actor", q.B)
	}
	for k, val := range map[string]string{"code": q.Code, "since": q.Since, "until": q.Until} {
		if val != "" {
			ev.Set(k, val)
		}
	}
	d.Events = "/?" + ev.Encode()
	d.Exports = append(eventExports(ev), exportLink{Label: "timeline json", URL: "/api/timeline?" + cleanValues(v).Encode(),
		Title: "These buckets, spans and the undated count as JSON"})
	title := "Timeline"
	if q.A != "" || q.B != "" {
		title = "Timeline " + orAny(q.A) + " – " + orAny(q.B)
	}
	s.render(w, r, http.StatusOK, "timeline", title, d)
}

func orAny(code string) string {
	if code == "" {
		return "any"
	}
	return code
}

// pointLabel is how the data table names a point: its bucket, a span
// ("2016-01-01 – open, range") or "undated".
func pointLabel(p store.TimelinePoint) string {
	switch p.Kind {
	case store.PointUndated:
		return "undated"
	case store.PointSpan:
		to := p.To
		if to == "" {
			to = "open"
		}
		return p.Bucket + " – " + to + " (" + p.Precision + ")"
	}
	return p.Bucket
}

// spanMarks places the spans of loose whose end is known over the
// buckets of axis they cover (clipped to the axis), one row each; open
// ranges and undated events stay in the list below the chart only.
func spanMarks(c Chart, axis, loose []store.TimelinePoint, interval string) []chartSpan {
	if c.Empty || len(axis) == 0 {
		return nil
	}
	band := (c.Right - c.Left) / float64(len(axis))
	var out []chartSpan
	for _, p := range loose {
		if p.Kind != store.PointSpan || p.To == "" {
			continue
		}
		from, to := store.BucketOf(p.Bucket, interval), store.BucketOf(p.To, interval)
		i := sort.Search(len(axis), func(i int) bool { return axis[i].Bucket >= from })
		j := sort.Search(len(axis), func(i int) bool { return axis[i].Bucket > to }) - 1
		if i > j {
			continue // wholly before or after the axis
		}
		out = append(out, chartSpan{
			X1: round2(c.Left + float64(i)*band), X2: round2(c.Left + float64(j+1)*band),
			Y: round2(c.Top + 4 + float64(len(out)%6)*7), From: p.Bucket, To: p.To,
			Title: fmt.Sprintf("%s: %d events dated to this range", pointLabel(p), p.Count),
		})
	}
	return out
}
