package analysis

import (
	"math"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
)

const dayLayout = "2006-01-02"

// MaxBuckets caps how many buckets FillGaps produces, so that a query
// such as since=0001-01-01 cannot allocate without bound; the range is
// cut at its old end (the recent buckets are kept).
const MaxBuckets = 100_000

// Index returns the cooperation–conflict index of a bucket: the mean
// Goldstein score of its events, 0 when it has none.
func Index(p store.TimelinePoint) float64 {
	if p.Count == 0 {
		return 0
	}
	return p.Goldstein / float64(p.Count)
}

// Baseline returns the mean and the sample standard deviation of the
// event counts of the last window points (all points when window <= 0
// or exceeds their number). The points must be dense (see FillGaps):
// a missing day would otherwise not count as a quiet day. The standard
// deviation is 0 for fewer than two points.
func Baseline(points []store.TimelinePoint, window int) (mean, sd float64) {
	return BaselineOf(points, window, func(p store.TimelinePoint) float64 { return float64(p.Count) })
}

// BaselineOf is Baseline over any value of the points, e.g. Index.
func BaselineOf(points []store.TimelinePoint, window int, value func(store.TimelinePoint) float64) (mean, sd float64) {
	if window > 0 && window < len(points) {
		points = points[len(points)-window:]
	}
	n := len(points)
	if n == 0 {
		return 0, 0
	}
	// Welford's algorithm: one pass, numerically stable for long windows.
	var m, s2 float64
	for i, p := range points {
		x := value(p)
		d := x - m
		m += d / float64(i+1)
		s2 += d * (x - m)
	}
	if n < 2 {
		return m, 0
	}
	return m, math.Sqrt(s2 / float64(n-1))
}

// ZScore returns how many standard deviations x lies from mean, with sd
// raised to floor first so that a flat baseline (sd 0) does not turn
// every change into an infinite departure.
func ZScore(x, mean, sd, floor float64) float64 {
	sd = math.Max(sd, floor)
	if sd <= 0 {
		switch {
		case x > mean:
			return math.Inf(1)
		case x < mean:
			return math.Inf(-1)
		}
		return 0
	}
	return (x - mean) / sd
}

// Dated returns the dated buckets of a timeline (Kind ""), without its
// spans and undated point, which have no place in a dense series.
func Dated(points []store.TimelinePoint) []store.TimelinePoint {
	for i, p := range points {
		if p.Kind != store.PointDated {
			out := append([]store.TimelinePoint(nil), points[:i]...)
			for _, q := range points[i+1:] {
				if q.Kind == store.PointDated {
					out = append(out, q)
				}
			}
			return out
		}
	}
	return points
}

// FillGaps returns a dense timeline: one bucket per day ("day"), per
// week starting on Monday ("week", labelled with the Monday's date) or
// per month ("month", labelled with its first day) from
// since to until inclusive (YYYY-MM-DD), with zero buckets where points
// has none. An empty since or until takes the first or last point's
// bucket. Points outside the range, or outside the years 1 to 9999 that
// YYYY-MM-DD can spell, are dropped. If the interval is
// unknown or a bucket or bound cannot be parsed, the points are returned
// unchanged, as no dense series can be built from them. At most
// MaxBuckets buckets are returned.
func FillGaps(points []store.TimelinePoint, interval, since, until string) []store.TimelinePoint {
	var step int
	switch interval {
	case "day", "":
		step = 1
	case "week":
		step = 7
	case "month":
		step = 31 // only bounds the bucket count; months step by AddDate
	default:
		return points
	}
	points = Dated(points)
	// Labels spell years 1 to 9999 only: year 0 aligned to its Monday
	// would be "-0001-12-27", which no one can parse back. 0001-01-01 is
	// a Monday and a first of the month, so clamping keeps alignment.
	first := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	clamp := func(t time.Time) time.Time {
		if t.Before(first) {
			return first
		}
		if t.After(last) {
			return last
		}
		return t
	}
	align := func(t time.Time) time.Time {
		switch step {
		case 7:
			// Monday-based weeks: Go's Sunday is 0.
			wd := (int(t.Weekday()) + 6) % 7
			t = t.AddDate(0, 0, -wd)
		case 31:
			t = t.AddDate(0, 0, 1-t.Day())
		}
		return t
	}
	next := func(t time.Time) time.Time {
		if step == 31 {
			return t.AddDate(0, 1, 0)
		}
		return t.AddDate(0, 0, step)
	}
	byBucket := make(map[string]store.TimelinePoint, len(points))
	var lo, hi time.Time
	have := false
	for _, p := range points {
		t, err := time.Parse(dayLayout, p.Bucket)
		if err != nil {
			return points
		}
		if t.Before(first) || t.After(last) {
			continue // outside any range FillGaps can label
		}
		t = align(t)
		key := t.Format(dayLayout)
		if q, ok := byBucket[key]; ok {
			// Two points in one bucket (e.g. daily points asked for
			// weekly): merge them rather than lose one.
			q.Count += p.Count
			for k := range q.Quad {
				q.Quad[k] += p.Quad[k]
			}
			q.Goldstein += p.Goldstein
			q.Index = Index(q)
			byBucket[key] = q
		} else {
			p.Bucket = key
			byBucket[key] = p
		}
		if !have || t.Before(lo) {
			lo = t
		}
		if !have || t.After(hi) {
			hi = t
		}
		have = true
	}
	if since != "" {
		t, err := time.Parse(dayLayout, since)
		if err != nil {
			return points
		}
		lo = align(clamp(t))
	} else if !have {
		return []store.TimelinePoint{}
	}
	if until != "" {
		t, err := time.Parse(dayLayout, until)
		if err != nil {
			return points
		}
		hi = align(clamp(t))
	} else if !have {
		return []store.TimelinePoint{}
	}
	if hi.Before(lo) {
		return []store.TimelinePoint{}
	}
	// Unix seconds, not Sub: a Duration overflows after 292 years.
	n := int((hi.Unix()-lo.Unix())/86400)/step + 1
	back := func(t time.Time, k int) time.Time { return t.AddDate(0, 0, -k*step) }
	if step == 31 {
		// months are counted, not divided: they average 30.4 days, so
		// days/31 would undercount them and let the cap be overrun
		n = (hi.Year()-lo.Year())*12 + int(hi.Month()-lo.Month()) + 1
		back = func(t time.Time, k int) time.Time { return t.AddDate(0, -k, 0) }
	}
	if n > MaxBuckets {
		lo = align(back(hi, MaxBuckets-1))
		n = MaxBuckets
	}
	out := make([]store.TimelinePoint, 0, n)
	for t := lo; !t.After(hi); t = next(t) {
		key := t.Format(dayLayout)
		if p, ok := byBucket[key]; ok {
			out = append(out, p)
		} else {
			out = append(out, store.TimelinePoint{Bucket: key})
		}
	}
	return out
}
