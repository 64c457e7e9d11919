package storetest

import (
	"slices"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// refEvent is the suite's own view of a stored event, to compute what
// queries should return without a database.
type refEvent struct {
	key, article, day, src, tgt, cameo, modality, country, sentence, cluster string
	prec                                                                     string
	lat, lon                                                                 *float64
	quad                                                                     int
	goldstein                                                                float64
}

// refEvents lists the events of articles in insertion order, clustered
// as the Store contract says.
func refEvents(arts []*model.Article) []refEvent {
	var out []refEvent
	for _, a := range arts {
		for i := range a.Events {
			e := &a.Events[i]
			r := refEvent{key: a.ID + ":" + e.ID, article: a.ID, day: store.EventDay(e), prec: store.DatePrecision(e), src: e.Source.Code,
				cameo: e.Cameo, modality: e.Modality, quad: e.QuadClass, goldstein: e.Goldstein,
				sentence: a.Sentences[e.Sentence].Text}
			if e.Target != nil {
				r.tgt = e.Target.Code
			}
			if e.Location != nil {
				r.country = model.Deref(e.Location.Country)
				r.lat, r.lon = e.Location.Lat, e.Location.Lon
			}
			r.cluster = r.key
			for _, o := range out {
				// Only a cluster's first report anchors it (see sqlbase's
				// storedHeads): members don't extend the window.
				if o.cluster == o.key && r.day != "" && o.day != "" && o.src == r.src && o.tgt == r.tgt && len(r.cameo) >= 2 &&
					store.CameoRoot(o.cameo) == store.CameoRoot(r.cameo) &&
					o.day >= store.AddDays(r.day, -2) && o.day <= store.AddDays(r.day, 2) &&
					(o.country == "" || r.country == "" || o.country == r.country) {
					r.cluster = o.cluster
					break
				}
			}
			out = append(out, r)
		}
	}
	return out
}

func hasPrefix(s, p string) bool { return strings.HasPrefix(s, p) }

// matches is the reference semantics of an EventFilter.
func (r refEvent) matches(f store.EventFilter) bool {
	if f.Actor != "" && !hasPrefix(r.src, f.Actor) && !(r.tgt != "" && hasPrefix(r.tgt, f.Actor)) {
		return false
	}
	dir := func(s, t string) bool {
		return (s == "" || hasPrefix(r.src, s)) && (t == "" || hasPrefix(r.tgt, t))
	}
	if f.Source != "" || f.Target != "" {
		ok := dir(f.Source, f.Target) || (f.Undirected && dir(f.Target, f.Source))
		if !ok {
			return false
		}
	}
	if f.Code != "" && !hasPrefix(r.cameo, f.Code) {
		return false
	}
	if len(f.Modality) > 0 && !slices.Contains(f.Modality, r.modality) {
		return false
	}
	if f.Since != "" && r.day < f.Since {
		return false
	}
	if f.Until != "" && (r.day == "" || r.day > f.Until) {
		return false
	}
	if b := f.BBox; b != nil {
		if r.lat == nil || *r.lat < b.MinLat || *r.lat > b.MaxLat || *r.lon < b.MinLon || *r.lon > b.MaxLon {
			return false
		}
	}
	if f.Text != "" {
		words := map[string]bool{}
		for _, w := range store.TextTerms(r.sentence) {
			words[strings.ToLower(w)] = true
		}
		for _, w := range store.TextTerms(f.Text) {
			if !words[strings.ToLower(w)] {
				return false
			}
		}
	}
	if f.ArticleID != "" && r.article != f.ArticleID {
		return false
	}
	if f.Cluster != "" && r.cluster != f.Cluster {
		return false
	}
	return true
}

// refSelect returns the keys of matching events in Events order.
func refSelect(evs []refEvent, f store.EventFilter) []string {
	var m []refEvent
	for _, r := range evs {
		if r.matches(f) {
			m = append(m, r)
		}
	}
	sort.Slice(m, func(i, j int) bool {
		if m[i].day != m[j].day {
			return m[i].day < m[j].day
		}
		return m[i].key < m[j].key
	})
	keys := make([]string, len(m))
	for i, r := range m {
		keys[i] = r.key
	}
	return keys
}

// refTimeline computes a timeline from the events: dated buckets by
// bucket, spans by "span/" + first day + "/" + last day + "/" + precision,
// and the undated point by "undated".
func refTimeline(evs []refEvent, q store.TimelineQuery) map[string]store.TimelinePoint {
	out := map[string]store.TimelinePoint{}
	dir := func(r refEvent, a, b string) bool {
		return (a == "" || hasPrefix(r.src, a)) && (b == "" || hasPrefix(r.tgt, b))
	}
	interval := q.Interval
	if interval == "" {
		interval = "day"
	}
	for _, r := range evs {
		if !(dir(r, q.A, q.B) || (!q.Directed && dir(r, q.B, q.A))) || !hasPrefix(r.cameo, q.Code) {
			continue
		}
		end := store.SpanEnd(r.day, r.prec)
		var k string
		p := store.TimelinePoint{}
		switch {
		case r.day == "":
			k, p.Bucket, p.Kind = store.PointUndated, store.PointUndated, store.PointUndated
		case r.prec == model.PrecisionDay || (end != "" && store.BucketOf(end, interval) == store.BucketOf(r.day, interval)):
			if (q.Since != "" && r.day < q.Since) || (q.Until != "" && r.day > q.Until) {
				continue
			}
			k = store.BucketOf(r.day, interval)
			p.Bucket = k
		default:
			if (q.Until != "" && r.day > q.Until) || (q.Since != "" && end != "" && end < q.Since) {
				continue
			}
			k = "span/" + r.day + "/" + end + "/" + r.prec
			p.Bucket, p.Kind, p.To, p.Precision = r.day, store.PointSpan, end, r.prec
		}
		if o, ok := out[k]; ok {
			p = o
		}
		p.Count++
		p.Quad[r.quad-1]++
		p.Goldstein += r.goldstein
		out[k] = p
	}
	return out
}
