package sqlbase

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Timeline sums the daily aggregates into day, week or month buckets
// (dyad_daily_cc when both prefixes are at most a country code long,
// actor_daily_cc for one country). The aggregates key their rows by date
// precision and range end too, and count undated events (an empty day): a
// day-precise row, or a month or year inside one bucket, is a point; any
// other is a span; an undated one goes to the undated point (see
// store.TimelinePoint). Buckets between the first and the last non-empty
// one are filled with zeros so a chart or a baseline sees the quiet days.
//
// A CAMEO prefix of up to two digits filters the aggregates' root
// column; a longer one reads the sums by full code (dyad_code_cc) when
// both prefixes are at most a country code long, else it is finer than
// the aggregates, so the events table is summed instead
// (timelineEvents).
func (b *Base) Timeline(ctx context.Context, q store.TimelineQuery) ([]store.TimelinePoint, error) {
	if err := store.CheckInterval(q.Interval); err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	t := newTimelineSums(q)
	if len(q.Code) > 2 && (len(q.A) > countryLen || len(q.B) > countryLen) {
		if err := b.timelineEvents(ctx, q, t); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		return t.points(), nil
	}
	for _, part := range orientations(q) {
		if err := b.timelineSummed(ctx, part, t.addRow); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
	}
	return t.points(), nil
}

// orientations splits an undirected timeline of two disjoint prefixes
// (no code can start with both, so no event is in both) into its two
// directed ones: each reads its dyad's sums in key order, where one read
// of both orientations sorts them all to group them by day.
func orientations(q store.TimelineQuery) []store.TimelineQuery {
	if q.Directed || q.A == "" || q.B == "" || strings.HasPrefix(q.A, q.B) || strings.HasPrefix(q.B, q.A) {
		return []store.TimelineQuery{q}
	}
	ab, ba := q, q
	ab.Directed, ba.Directed = true, true
	ba.A, ba.B = q.B, q.A
	return []store.TimelineQuery{ab, ba}
}

// timelineEvents sums q's events from the events table: the dated ones
// on their first day (index events_dyad carries the full code), then
// the events whose date is not a day again (partial index events_loose)
// to move them to spans and the undated point, then the fatalities
// (partial index events_fatal).
func (b *Base) timelineEvents(ctx context.Context, q store.TimelineQuery, t *timelineSums) error {
	if err := b.timelineAggregates(ctx, q, t.addDay); err != nil {
		return err
	}
	if err := b.timelineLoose(ctx, q, t.addLoose); err != nil {
		return err
	}
	for k, p := range t.buckets {
		if p.Count <= 0 {
			delete(t.buckets, k)
		}
	}
	return b.timelineFatalities(ctx, q, t.addFatalities)
}

// timelineSums gathers a timeline's points as the queries report rows.
type timelineSums struct {
	q        store.TimelineQuery
	interval string
	buckets  map[string]*store.TimelinePoint // dated, by bucket
	spans    map[string]*store.TimelinePoint // by spanKey
	undated  *store.TimelinePoint
	// last is the week or month bucket found last, holding the days
	// from its key up to lastNext: the sums come in day order, so most
	// rows fall in the bucket of the row before (a week or a month of
	// days parse one date, not one each).
	last     *store.TimelinePoint
	lastNext string
}

func newTimelineSums(q store.TimelineQuery) *timelineSums {
	t := &timelineSums{q: q, interval: q.Interval, buckets: map[string]*store.TimelinePoint{},
		spans: map[string]*store.TimelinePoint{}}
	if t.interval == "" {
		t.interval = "day"
	}
	return t
}

func addTo(p *store.TimelinePoint, quad, n int, gs float64) {
	p.Count += n
	if quad >= 1 && quad <= 4 {
		p.Quad[quad-1] += n
	}
	p.Goldstein += gs
}

func (t *timelineSums) bucket(day string) *store.TimelinePoint {
	if t.last != nil && day >= t.last.Bucket && day < t.lastNext {
		return t.last
	}
	key := store.BucketOf(day, t.interval)
	p := t.buckets[key]
	if p == nil {
		p = &store.TimelinePoint{Bucket: key}
		t.buckets[key] = p
	}
	if t.interval != "day" && len(day) == len("2006-01-02") && key <= day {
		t.last, t.lastNext = p, store.NextBucket(key, t.interval)
	}
	return p
}

// addDay adds an aggregate row: n events of day.
func (t *timelineSums) addDay(day string, quad, n int, gs float64) {
	addTo(t.bucket(day), quad, n, gs)
}

// isPoint reports whether an event dated day with precision prec is one
// bucket's: a day, or a month or year inside one bucket.
func (t *timelineSums) isPoint(day, prec string) bool {
	if prec == model.PrecisionDay {
		return true
	}
	end := store.SpanEnd(day, prec)
	return end != "" && store.BucketOf(end, t.interval) == store.BucketOf(day, t.interval)
}

// inRange mirrors the aggregate queries' Since/Until conditions.
func (t *timelineSums) inRange(day string) bool {
	return (t.q.Since == "" || day >= store.DayOf(t.q.Since)) && (t.q.Until == "" || day <= untilDay(t.q.Until))
}

// overlaps reports whether the span [day, end] ("" = open) meets the
// query's Since/Until.
func (t *timelineSums) overlaps(day, end string) bool {
	return (t.q.Until == "" || day <= untilDay(t.q.Until)) && (t.q.Since == "" || end == "" || end >= store.DayOf(t.q.Since))
}

func spanKey(day, end, prec string) string { return day + "/" + end + "/" + prec }

// spanEnd is the last day of a span: a range's known end (to), else
// the end its precision implies ("" for an open range).
func spanEnd(day, prec, to string) string {
	if prec == model.PrecisionRange && to >= day {
		return to
	}
	return store.SpanEnd(day, prec)
}

// addLoose adds a row of events whose date is not a day; to is the
// known end of a range ("" when open).
func (t *timelineSums) addLoose(day, prec, to string, quad, n int, gs float64) {
	if day == "" {
		if t.undated == nil {
			t.undated = &store.TimelinePoint{Bucket: store.PointUndated, Kind: store.PointUndated}
		}
		addTo(t.undated, quad, n, gs)
		return
	}
	if t.isPoint(day, prec) {
		return // the aggregates have it in the one bucket it fits
	}
	if t.inRange(day) {
		addTo(t.bucket(day), quad, -n, -gs) // the aggregates drew it on its first day
	}
	end := spanEnd(day, prec, to)
	if !t.overlaps(day, end) {
		return
	}
	k := spanKey(day, end, prec)
	p := t.spans[k]
	if p == nil {
		p = &store.TimelinePoint{Bucket: day, Kind: store.PointSpan, To: end, Precision: prec}
		t.spans[k] = p
	}
	addTo(p, quad, n, gs)
}

// addFatalities adds the fatalities of events of day and prec where
// addDay and addLoose put those events.
func (t *timelineSums) addFatalities(day, prec, to string, n int) {
	switch {
	case day == "":
		if t.undated != nil {
			t.undated.Fatalities += n
		}
	case t.isPoint(day, prec):
		if p := t.buckets[store.BucketOf(day, t.interval)]; p != nil && t.inRange(day) {
			p.Fatalities += n
		}
	default:
		if p := t.spans[spanKey(day, spanEnd(day, prec, to), prec)]; p != nil {
			p.Fatalities += n
		}
	}
}

// addRow adds an aggregate row: n events of day (the first day; ""
// when undated) and precision prec, to the known end of a range, quad[i]
// of them of quad class i+1, with their Goldstein sum and fatalities.
func (t *timelineSums) addRow(day, prec, to string, n int, quad [4]int, gs float64, fatal int) {
	var p *store.TimelinePoint
	switch {
	case day == "":
		if t.undated == nil {
			t.undated = &store.TimelinePoint{Bucket: store.PointUndated, Kind: store.PointUndated}
		}
		p = t.undated
	case t.isPoint(day, prec):
		if !t.inRange(day) {
			return
		}
		p = t.bucket(day)
	default:
		end := spanEnd(day, prec, to)
		if !t.overlaps(day, end) {
			return
		}
		k := spanKey(day, end, prec)
		if p = t.spans[k]; p == nil {
			p = &store.TimelinePoint{Bucket: day, Kind: store.PointSpan, To: end, Precision: prec}
			t.spans[k] = p
		}
	}
	p.Count += n
	for i, k := range quad {
		p.Quad[i] += k
	}
	p.Goldstein += gs
	p.Fatalities += fatal
}

// points returns the dated buckets with the gaps filled, then the spans
// by first day, then the undated point.
func (t *timelineSums) points() []store.TimelinePoint {
	keys := make([]string, 0, len(t.buckets))
	for k, p := range t.buckets {
		keys = append(keys, k)
		if p.Count > 0 {
			p.Index = p.Goldstein / float64(p.Count)
		}
	}
	sort.Strings(keys)
	out := make([]store.TimelinePoint, 0, len(keys)+len(t.spans)+1)
	for i, k := range keys {
		out = append(out, *t.buckets[k])
		if i+1 == len(keys) {
			break
		}
		// Zero buckets up to the next non-empty one.
		for d := store.NextBucket(k, t.interval); d != "" && d < keys[i+1]; d = store.NextBucket(d, t.interval) {
			out = append(out, store.TimelinePoint{Bucket: d})
		}
	}
	keys = keys[:0]
	for k := range t.spans {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := t.spans[k]
		p.Index = p.Goldstein / float64(p.Count)
		out = append(out, *p)
	}
	if p := t.undated; p != nil {
		p.Index = p.Goldstein / float64(p.Count)
		out = append(out, *p)
	}
	return out
}

// timelineAggregates reports the sums of q's dated events from the
// events table, each on its first day (a code finer than the
// aggregates' roots).
func (b *Base) timelineAggregates(ctx context.Context, q store.TimelineQuery, fn func(day string, quad, n int, gs float64)) error {
	w := &where{d: &b.D}
	w.add("day <> ''")
	if q.A != "" || q.B != "" {
		w.add(w.dyadEither("source_code", "target_code", q.A, q.B, q.Directed))
	}
	if q.Code != "" {
		w.add(w.cameo("cameo_root", "cameo", q.Code))
	}
	if q.Since != "" {
		w.add("day >= " + w.arg(store.DayOf(q.Since)))
	}
	if q.Until != "" {
		w.add("day <= " + w.arg(untilDay(q.Until)))
	}
	rows, err := b.DB.Query(ctx, `SELECT day, quad_class, COUNT(*), SUM(goldstein) FROM events`+w.sql()+
		` GROUP BY day, quad_class`, w.args...)
	if err != nil {
		return err
	}
	return scanAll(rows, func(r Rows) error {
		var day string
		var quad, n int
		var gs float64
		if err := r.Scan(&day, &quad, &n, &gs); err != nil {
			return err
		}
		fn(day, quad, n, gs)
		return nil
	})
}

// loosePrecisions are the date precisions other than a day, as an SQL
// list: the aggregates' rows that a date range does not bound.
const loosePrecisions = "('" + model.PrecisionMonth + "', '" + store.PrecisionNone + "', '" +
	model.PrecisionRange + "', '" + model.PrecisionYear + "')"

// timelineSummed reports q's rows from the daily aggregates: first the
// day-precise rows (in the range, if any), summed by day, then every
// coarser row (a range that starts before Since may reach into it;
// addRow decides). The day-precise read needs neither precision nor
// range end: two columns fewer on most rows, and at ten million events a
// timeline hands over thousands of rows, each column a conversion.
func (b *Base) timelineSummed(ctx context.Context, q store.TimelineQuery, fn func(day, prec, to string, n int, quad [4]int, gs float64, fatal int)) error {
	// One row per day (and precision) with the quad classes as columns:
	// a quarter of the rows to hand over, and the sums without roots are
	// keyed in this order (no sort).
	quads := ""
	for i := 1; i <= 4; i++ {
		quads += fmt.Sprintf(", CAST(SUM(CASE quad_class WHEN %d THEN n ELSE 0 END) AS BIGINT)", i)
	}
	sums := `CAST(SUM(n) AS BIGINT)` + quads + `, SUM(goldstein_sum), CAST(SUM(fatalities) AS BIGINT)`
	for _, days := range []bool{true, false} {
		w := &where{d: &b.D}
		table := b.summedWhere(q, w)
		cols, group := `day, prec, day_to, `, ` GROUP BY prec, day, day_to`
		if days {
			w.add("prec = '" + model.PrecisionDay + "'")
			if q.Since != "" {
				w.add("day >= " + w.arg(store.DayOf(q.Since)))
			}
			if q.Until != "" {
				w.add("day <= " + w.arg(untilDay(q.Until)))
			}
			cols, group = `day, `, ` GROUP BY day`
		} else {
			w.add("prec IN " + loosePrecisions)
		}
		rows, err := b.DB.Query(ctx, `SELECT `+cols+sums+` FROM `+table+w.sql()+group, w.args...)
		if err != nil {
			return err
		}
		// Numbers scan into 64-bit values: database/sql hands an int64
		// to an int through its decimal text.
		var day, prec, to string
		var n, fatal int64
		var qn [4]int64
		var gs float64
		dest := []any{&day, &prec, &to, &n, &qn[0], &qn[1], &qn[2], &qn[3], &gs, &fatal}
		if days {
			// day and the sums: every row day-precise, no range end.
			dest = append([]any{&day}, dest[3:]...)
			prec = model.PrecisionDay
		}
		if err := scanAll(rows, func(r Rows) error {
			if err := r.Scan(dest...); err != nil {
				return err
			}
			fn(day, prec, to, int(n), [4]int{int(qn[0]), int(qn[1]), int(qn[2]), int(qn[3])}, gs, int(fatal))
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// summedWhere adds q's actor and code conditions for the aggregate table
// that answers it and returns the table. A code finer than a root:
// dyad_code_cc (prefixes at most a country code long). Without a code: all_day for
// every event, actor_day_cc for one country, dyad_day_cc for two (sums
// without the CAMEO root). Otherwise, or for other prefixes:
// actor_daily_cc for one country, dyad_daily_cc when both prefixes are
// at most a country code long (its codes are cut to that: a three-letter
// prefix is one code there), else dyad_daily.
func (b *Base) summedWhere(q store.TimelineQuery, w *where) string {
	cc := len(q.A) <= countryLen && len(q.B) <= countryLen
	if cc && len(q.Code) > 2 {
		// Sums by full code: an undirected side is "source or
		// target", which counts each row, one dyad, once.
		if q.A != "" || q.B != "" {
			w.add(w.dyadEitherWith("source_code", "target_code", q.A, q.B, q.Directed, w.ccCode))
		}
		w.add(w.prefix("cameo", q.Code))
		return "dyad_code_cc"
	}
	actor, roles := singleCountry(q)
	if q.Code == "" && cc {
		switch {
		case q.A == "" && q.B == "":
			return "all_day"
		case actor != "":
			w.add("actor = " + w.arg(actor) + " AND role = " + w.arg(countryView(q)))
			return "actor_day_cc"
		case q.A != "" && q.B != "":
			w.add(w.dyadEitherWith("source_code", "target_code", q.A, q.B, q.Directed, w.ccCode))
			return "dyad_day_cc"
		}
	}
	table := "dyad_daily"
	code := w.code
	if cc {
		table, code = "dyad_daily_cc", w.ccCode
	}
	if actor != "" {
		table = "actor_daily_cc"
		w.add("actor = " + w.arg(actor) + " AND role IN (" + roles + ")")
	} else if q.A != "" || q.B != "" {
		w.add(w.dyadEitherWith("source_code", "target_code", q.A, q.B, q.Directed, code))
	}
	if q.Code != "" {
		w.add(w.cameo("cameo_root", "", q.Code))
	}
	return table
}

// eventsTimelineWhere is q's dyad and code filter on the events table,
// for the rows of a partial index whose condition is cond: cond comes
// first and again inside each orientation of the dyad (see
// dyadEitherAnd), so that the partial index serves both.
func (b *Base) eventsTimelineWhere(q store.TimelineQuery, w *where, cond string) {
	w.add(cond)
	if q.A != "" || q.B != "" {
		w.add(w.dyadEitherAnd("source_code", "target_code", q.A, q.B, q.Directed, cond))
	}
	if q.Code != "" {
		w.add(w.cameo("cameo_root", "cameo", q.Code))
	}
}

// timelineLoose reports the events of q whose date is not a day, by day
// and precision. Since and Until are left to addLoose: a range that
// starts before Since may still reach into it.
func (b *Base) timelineLoose(ctx context.Context, q store.TimelineQuery, fn func(day, prec, to string, quad, n int, gs float64)) error {
	w := &where{d: &b.D}
	b.eventsTimelineWhere(q, w, "prec <> 'day'") // the condition of the partial index events_loose
	rows, err := b.DB.Query(ctx, `SELECT day, prec, day_to, quad_class, COUNT(*), SUM(goldstein) FROM events`+w.sql()+
		` GROUP BY day, prec, day_to, quad_class`, w.args...)
	if err != nil {
		return err
	}
	return scanAll(rows, func(r Rows) error {
		var day, prec, to string
		var quad, n int
		var gs float64
		if err := r.Scan(&day, &prec, &to, &quad, &n, &gs); err != nil {
			return err
		}
		fn(day, prec, to, quad, n, gs)
		return nil
	})
}

// timelineFatalities reports the fatalities of q's events by day and
// precision.
func (b *Base) timelineFatalities(ctx context.Context, q store.TimelineQuery, fn func(day, prec, to string, n int)) error {
	w := &where{d: &b.D}
	b.eventsTimelineWhere(q, w, "fatalities > 0") // the condition of the partial index events_fatal
	rows, err := b.DB.Query(ctx, `SELECT day, prec, day_to, CAST(SUM(fatalities) AS BIGINT) FROM events`+w.sql()+
		` GROUP BY day, prec, day_to`, w.args...)
	if err != nil {
		return err
	}
	return scanAll(rows, func(r Rows) error {
		var day, prec, to string
		var n int
		if err := r.Scan(&day, &prec, &to, &n); err != nil {
			return err
		}
		fn(day, prec, to, n)
		return nil
	})
}

// countryView is the role of actor_day_cc that answers a timeline of
// one country (see singleCountry): 'i' every event involving it, 's' as
// source, 't' as target.
func countryView(q store.TimelineQuery) string {
	switch {
	case !q.Directed:
		return "i"
	case q.B == "":
		return "s"
	}
	return "t"
}

// singleCountry returns the country code of a timeline of one country
// (one side a three-letter code, the other empty), which
// actor_daily_cc answers, and the roles to sum; "" otherwise.
func singleCountry(q store.TimelineQuery) (actor, roles string) {
	switch {
	case len(q.A) == countryLen && q.B == "":
		if q.Directed {
			return q.A, "'s', 'b'"
		}
		return q.A, "'s', 't', 'b'"
	case len(q.B) == countryLen && q.A == "":
		if q.Directed {
			return q.B, "'t', 'b'"
		}
		return q.B, "'s', 't', 'b'"
	}
	return "", ""
}
