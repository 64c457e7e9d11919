package sqlbase

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

const eventCols = `e.data, a.id, a.title, COALESCE(a.url, ''), COALESCE(s.text, ''), COALESCE(s.start_off, 0),
	e.source_name, e.target_name, e.day, e.cluster, e.ekey, e.prec, e.fatalities, COALESCE(a.pub_date, ''), a.source,
	a.ingested_at, e.loc_prec, e.region, e.region_name, e.day_to`

// eventJoins joins an event's article and sentence. Every event has its
// article; LEFT JOIN because SQLite never reads the right side of one
// first: with an inner join, statistics of a store with few articles
// (a bulk load) made it start from the articles and sort every event
// of the store for one page (seconds at a million events).
const eventJoins = ` LEFT JOIN articles a ON a.seq = e.article_seq LEFT JOIN sentences s ON s.seq = e.sent_seq`

func scanEvent(r Rows, extra ...any) (store.EventRecord, error) {
	var rec store.EventRecord
	var data string
	var title *string
	var ingested int64
	dest := append([]any{&data, &rec.ArticleID, &title, &rec.ArticleURL, &rec.SentenceText, &rec.SentenceStart,
		&rec.SourceName, &rec.TargetName, &rec.Day, &rec.Cluster, &rec.Key, &rec.DatePrecision, &rec.Fatalities,
		&rec.ArticlePublished, &rec.ArticleSource, &ingested, &rec.LocationPrecision,
		&rec.Region, &rec.RegionName, &rec.DayTo}, extra...)
	if err := r.Scan(dest...); err != nil {
		return rec, err
	}
	rec.IngestedAt = time.Unix(0, ingested).UTC()
	if err := json.Unmarshal([]byte(data), &rec.Event); err != nil {
		return rec, fmt.Errorf("decode event %s: %w", rec.Key, err)
	}
	if rec.Attribution == nil {
		rec.Attribution = []model.Attribution{}
	}
	if rec.Plover.Context == nil {
		rec.Plover.Context = []string{}
	}
	rec.ArticleTitle = model.Deref(title)
	return rec, nil
}

// eventWhere adds the conditions of f (but not its cursor) on events e.
func (b *Base) eventWhere(f store.EventFilter, w *where) {
	if f.Actor != "" {
		w.add("(" + w.code("e.source_code", f.Actor) + " OR " + w.code("e.target_code", f.Actor) + ")")
	}
	if f.Source != "" || f.Target != "" {
		w.add(w.dyadEither("e.source_code", "e.target_code", f.Source, f.Target, !f.Undirected))
	}
	if f.Code != "" {
		w.add(w.cameo("e.cameo_root", "e.cameo", f.Code))
	}
	if len(f.Modality) > 0 {
		w.add(w.in("e.modality", f.Modality))
	}
	if f.Since != "" {
		w.add("e.day >= " + w.arg(store.DayOf(f.Since)))
	}
	if f.Until != "" {
		w.add("e.day <> '' AND e.day <= " + w.arg(untilDay(f.Until)))
	}
	if bb := f.BBox; bb != nil {
		w.add("e.lat >= " + w.arg(bb.MinLat) + " AND e.lat <= " + w.arg(bb.MaxLat) +
			" AND e.lon >= " + w.arg(bb.MinLon) + " AND e.lon <= " + w.arg(bb.MaxLon))
	}
	if terms := store.TextTerms(f.Text); len(terms) > 0 {
		w.add(b.D.SentenceText(w.arg(b.D.TextArg(terms))))
	}
	if f.ArticleID != "" {
		// Through the article's seq, which events_article_seq indexes.
		w.add("e.article_seq = (SELECT seq FROM articles WHERE id = " + w.arg(f.ArticleID) + ")")
	}
	if f.Cluster != "" {
		w.add("e.cluster = " + w.arg(f.Cluster))
	}
	if f.Country != "" {
		w.add("e.country = " + w.arg(strings.ToUpper(f.Country)))
	}
	if f.Region != "" {
		w.add("(e.region = " + w.arg(strings.ToUpper(f.Region)) + " OR lower(e.region_name) = " + w.arg(strings.ToLower(f.Region)) + ")")
	}
}

// Events lists events matching f by event day, then key.
func (b *Base) Events(ctx context.Context, f store.EventFilter) (store.Page[store.EventRecord], error) {
	plan, err := b.planEvents(ctx, f)
	if err != nil {
		return store.Page[store.EventRecord]{}, fmt.Errorf("events: %w", err)
	}
	return b.eventsPage(ctx, f, plan)
}

// eventsPlan is how a filter's pages are read: by (source, target)
// code pair (pairs, see dyadPairs), in date order through the index that
// hint names (dense), or by the planner's choice. It depends on the
// filter, not the cursor, so a walk over many pages plans once.
type eventsPlan struct {
	pairs  [][2]string
	byPair bool
	dense  bool
	hint   string
	// box reads the events of a sparse map box through the spatial
	// index (sparseBox).
	box bool
}

func (b *Base) planEvents(ctx context.Context, f store.EventFilter) (eventsPlan, error) {
	var p eventsPlan
	var err error
	if p.pairs, p.byPair, err = b.dyadPairs(ctx, f); err != nil || p.byPair {
		return p, err
	}
	if f.BBox != nil {
		if p.box, err = b.sparseBox(ctx, f); err != nil || p.box {
			return p, err
		}
	}
	if b.D.DayOrder != "" && (f.Actor != "" || f.Source != "" || f.Target != "" || f.Code != "") {
		if f.Country != "" && b.D.CountryOrder != "" {
			// One country's events in date order, filtered by actor:
			// bounded by the country's events, where the date index
			// walks every event until the few of an actor in a
			// country turn up.
			p.dense, p.hint = true, b.D.CountryOrder
			return p, nil
		}
		w := &where{d: &b.D}
		b.eventWhere(f, w)
		p.dense, err = b.dense(ctx, w)
		p.hint = b.D.DayOrder
	}
	return p, err
}

// eventsPage reads one page of f as plan says.
func (b *Base) eventsPage(ctx context.Context, f store.EventFilter, plan eventsPlan) (store.Page[store.EventRecord], error) {
	var page store.Page[store.EventRecord]
	if plan.byPair {
		if len(plan.pairs) == 0 {
			return store.Page[store.EventRecord]{Items: []store.EventRecord{}}, nil
		}
		f.Source, f.Target = "", ""
	}
	w := &where{d: &b.D}
	b.eventWhere(f, w)
	if f.Cursor != "" {
		var day, key string
		if err := store.DecodeCursor(f.Cursor, &day, &key); err != nil {
			return page, fmt.Errorf("events: %w", err)
		}
		cmpOp := ">"
		if f.Newest {
			cmpOp = "<"
		}
		w.add("(e.day, e.ekey) " + cmpOp + " (" + w.arg(day) + ", " + w.arg(key) + ")")
	}
	limit := store.ClampLimit(f.Limit)
	from := ` FROM events e` + eventJoins + w.sql()
	switch {
	case plan.box:
		// The box's few events from the spatial index first (a join
		// SQLite reads left to right), then the exact conditions.
		sub := b.boxSeqs(f.BBox, w)
		w.add("e.seq = g.seq")
		from = ` FROM (` + sub + `) g CROSS JOIN events e` + eventJoins + w.sql()
	case plan.byPair:
		hint := ""
		if f.Code == "" {
			hint = b.D.PairOrder
		}
		from = ` FROM events e JOIN (` + pairsTopK(w, plan.pairs, limit+1, f.Newest, hint) + `) top ON top.seq = e.seq` + eventJoins
	case plan.dense:
		from = ` FROM events e ` + plan.hint + eventJoins + w.sql()
	case len(w.conds) == 0:
		// No filter: the page is chosen from the date index before the
		// joins, so that no statistics make the planner start from the
		// articles (a few, in a bulk-loaded store) and sort every event:
		// fifteen seconds for the newest page at a million events once
		// the statistics changed.
		from = ` FROM events e JOIN (SELECT e.seq FROM events e ORDER BY ` + dayOrder("e", f.Newest) + ` LIMIT ` +
			strconv.Itoa(limit+1) + `) top ON top.seq = e.seq` + eventJoins
	}
	return listPage(ctx, b.DB, "events", limit, `SELECT `+eventCols+from+` ORDER BY `+dayOrder("e", f.Newest), w.args,
		func(r Rows) (store.EventRecord, []any, error) {
			rec, err := scanEvent(r)
			return rec, []any{rec.Day, rec.Key}, err
		})
}

// denseRows is how many matching events make a filter dense.
const denseRows = 2000

// dense reports whether at least denseRows events meet w. SQLite's
// planner reads an actor filter through the code indexes, gathering
// every match and sorting them: instant for a rare actor, forty seconds
// for Russia at ten million events. For a filter that many events meet,
// reading in date order and stopping at the page's end is the fast plan;
// this capped count, a few milliseconds, tells the two apart.
func (b *Base) dense(ctx context.Context, w *where) (bool, error) {
	var n int
	_, err := queryRow(ctx, b.DB, `SELECT COUNT(*) FROM (SELECT 1 FROM events e`+w.sql()+` LIMIT `+
		strconv.Itoa(denseRows)+`) d`, w.args, &n)
	return n >= denseRows, err
}

// maxPairs bounds the (source, target) code pairs a dyad listing reads
// one by one.
const maxPairs = 128

// dyadPairs expands the dyad filter of f (both sides given, no text or
// actor filter) into the (source, target) code pairs it matches, in both
// orientations when undirected; ok is false when f is not such a filter
// or matches too many pairs.
//
// Why: with both codes fixed, events_target hands out a pair's events in
// date order, so the first page is the first rows of each pair merged
// (pairsTopK). Gathering every event of a busy dyad and sorting them
// took most of a second at ten million events.
func (b *Base) dyadPairs(ctx context.Context, f store.EventFilter) (pairs [][2]string, ok bool, err error) {
	if f.Source == "" || f.Target == "" || f.Actor != "" || f.Text != "" {
		return nil, false, nil
	}
	codes := func(p string) ([]string, error) {
		w := &where{d: &b.D}
		rows, err := b.DB.Query(ctx, `SELECT code FROM actor_codes WHERE `+w.prefix("code", p)+` LIMIT `+
			strconv.Itoa(maxPairs+1), w.args...)
		if err != nil {
			return nil, err
		}
		var out []string
		err = scanAll(rows, func(r Rows) error {
			var c string
			if err := r.Scan(&c); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
		return out, err
	}
	src, err := codes(f.Source)
	if err != nil {
		return nil, false, err
	}
	tgt, err := codes(f.Target)
	if err != nil {
		return nil, false, err
	}
	seen := map[[2]string]bool{}
	add := func(s, t string) {
		if p := [2]string{s, t}; !seen[p] {
			seen[p] = true
			pairs = append(pairs, p)
		}
	}
	for _, s := range src {
		for _, t := range tgt {
			add(s, t)
			if f.Undirected {
				add(t, s)
			}
		}
	}
	if len(pairs) > maxPairs {
		return nil, false, nil
	}
	return pairs, true, nil
}

// pairsTopK returns a query of the seq of the first n events (by day,
// key) among pairs that also meet w's conditions: the first n of each
// pair, merged. w's conditions are repeated in every arm with the same
// parameters. hint is a table hint for each arm (see Dialect.PairOrder).
func pairsTopK(w *where, pairs [][2]string, n int, newest bool, hint string) string {
	conds := ""
	if len(w.conds) > 0 {
		conds = " AND " + strings.Join(w.conds, " AND ")
	}
	lim := strconv.Itoa(n)
	arms := make([]string, len(pairs))
	for i, p := range pairs {
		arms[i] = `SELECT * FROM (SELECT e.seq, e.day, e.ekey FROM events e ` + hint + ` WHERE e.source_code = ` + w.arg(p[0]) +
			` AND e.target_code = ` + w.arg(p[1]) + conds + ` ORDER BY ` + dayOrder("e", newest) + ` LIMIT ` + lim + `) p` + strconv.Itoa(i)
	}
	return `SELECT k.seq FROM (` + strings.Join(arms, " UNION ALL ") + `) k ORDER BY ` + dayOrder("k", newest) + ` LIMIT ` + lim
}

// dayOrder is the ORDER BY of an events listing on table alias t:
// oldest first, or newest first (undated events, day ”, come last).
func dayOrder(t string, newest bool) string {
	if newest {
		return t + ".day DESC, " + t + ".ekey DESC"
	}
	return t + ".day, " + t + ".ekey"
}

// EachEvent walks all events matching f page by page, so memory stays
// bounded and no read transaction is held while fn runs.
func (b *Base) EachEvent(ctx context.Context, f store.EventFilter, fn func(store.EventRecord) error) error {
	f.Limit, f.Cursor = store.MaxLimit, ""
	for {
		p, err := b.Events(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range p.Items {
			if err := fn(e); err != nil {
				return err
			}
		}
		if p.Next == "" {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		f.Cursor = p.Next
	}
}

// clusterCandidates returns the ids of the first n clusters (by their
// first report's day and key, after f's cursor) that have a report
// matching f. It walks the matching reports in date order through
// Events, which has fast plans for dyads and common actors, and stops
// once no later report can belong to a cluster among the first n: a
// report is dated within clusterWindow days of its cluster's first one.
// Grouping every matching report took six seconds for a busy dyad at
// ten million events.
func (b *Base) clusterCandidates(ctx context.Context, f store.EventFilter, n int) ([]string, error) {
	var curDay, curKey string
	if f.Cursor != "" {
		if err := store.DecodeCursor(f.Cursor, &curDay, &curKey); err != nil {
			return nil, err
		}
	}
	ef := f
	ef.Cursor, ef.Limit, ef.Newest = "", 200, false
	if from := store.AddDays(curDay, -clusterWindow); from != "" && from > ef.Since {
		ef.Since = from
	}
	plan, err := b.planEvents(ctx, ef)
	if err != nil {
		return nil, err
	}
	type head struct{ day, id string }
	founders := map[string]head{}
	var cands []head
	for {
		p, err := b.eventsPage(ctx, ef, plan)
		if err != nil {
			return nil, err
		}
		var unknown []string
		for _, r := range p.Items {
			if _, ok := founders[r.Cluster]; ok {
				continue
			}
			if r.Cluster == r.Key {
				founders[r.Cluster] = head{r.Day, r.Key}
				continue
			}
			founders[r.Cluster] = head{}
			unknown = append(unknown, r.Cluster)
		}
		if err := b.clusterDays(ctx, unknown, func(id, day string) { founders[id] = head{day, id} }); err != nil {
			return nil, err
		}
		cands = cands[:0]
		for id, h := range founders {
			if h.id == "" {
				h = head{"", id} // not in clusters: only in a database older than the table
			}
			if f.Cursor == "" || h.day > curDay || (h.day == curDay && h.id > curKey) {
				cands = append(cands, h)
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].day != cands[j].day {
				return cands[i].day < cands[j].day
			}
			return cands[i].id < cands[j].id
		})
		if p.Next == "" {
			break
		}
		if len(cands) >= n && len(p.Items) > 0 {
			last := p.Items[len(p.Items)-1].Day
			if bound := store.AddDays(cands[n-1].day, clusterWindow); last > bound && (bound != "" || cands[n-1].day == "") {
				break
			}
		}
		ef.Cursor = p.Next
	}
	ids := make([]string, 0, min(n, len(cands)))
	for _, h := range cands[:min(n, len(cands))] {
		ids = append(ids, h.id)
	}
	return ids, nil
}

// dyadClusters returns the ids of the first n clusters (by their first
// report's day and key, after f's cursor) of a filter on a dyad alone,
// with at most a CAMEO root: ok is false for any other filter. Every
// report of a cluster has its first report's source, target and root
// (see sameEvent), so these are the clusters whose head matches, read
// from clusters_pair a few rows per (source, target) pair (see
// pairsTopK) instead of walking the dyad's events.
//
// An actor filter common enough to be dense (see dense) walks the
// clusters in listing order instead, keeping those whose head has the
// actor on either side.
func (b *Base) dyadClusters(ctx context.Context, f store.EventFilter, n int) (ids []string, ok bool, err error) {
	rest := f
	rest.Source, rest.Target, rest.Undirected, rest.Actor, rest.Code = "", "", false, "", ""
	rest.Cursor, rest.Limit, rest.Newest = "", 0, false
	if len(f.Code) > 2 || !reflect.DeepEqual(rest, store.EventFilter{}) {
		return nil, false, nil
	}
	if f.Actor != "" {
		return b.actorClusters(ctx, f, n)
	}
	pairs, ok, err := b.dyadPairs(ctx, f)
	if err != nil || !ok || len(pairs) == 0 {
		return nil, ok && err == nil, err
	}
	w := &where{d: &b.D}
	if err := w.clusterPage(f); err != nil {
		return nil, false, err
	}
	conds := ""
	if len(w.conds) > 0 {
		conds = " AND " + strings.Join(w.conds, " AND ")
	}
	lim := strconv.Itoa(n)
	arms := make([]string, len(pairs))
	for i, p := range pairs {
		arms[i] = `SELECT * FROM (SELECT c.id, c.day FROM clusters c WHERE c.source_code = ` + w.arg(p[0]) +
			` AND c.target_code = ` + w.arg(p[1]) + conds + ` ORDER BY c.day, c.id LIMIT ` + lim + `) p` + strconv.Itoa(i)
	}
	ids, err = queryIDs(ctx, b.DB, `SELECT k.id FROM (`+strings.Join(arms, " UNION ALL ")+`) k ORDER BY k.day, k.id LIMIT `+lim,
		w.args...)
	return ids, err == nil, err
}

// actorClusters is dyadClusters for an actor filter (with at most a
// CAMEO root and a cursor).
func (b *Base) actorClusters(ctx context.Context, f store.EventFilter, n int) (ids []string, ok bool, err error) {
	if f.Source != "" || f.Target != "" || b.D.ClusterDayOrder == "" {
		return nil, false, nil
	}
	plan, err := b.planEvents(ctx, store.EventFilter{Actor: f.Actor, Code: f.Code})
	if err != nil || !plan.dense {
		return nil, false, err
	}
	w := &where{d: &b.D}
	w.add("(" + w.code("c.source_code", f.Actor) + " OR " + w.code("c.target_code", f.Actor) + ")")
	if err := w.clusterPage(f); err != nil {
		return nil, false, err
	}
	ids, err = queryIDs(ctx, b.DB, `SELECT c.id FROM clusters c `+b.D.ClusterDayOrder+w.sql()+
		` ORDER BY c.day, c.id LIMIT `+strconv.Itoa(n), w.args...)
	return ids, err == nil, err
}

// clusterPage adds a CAMEO root filter and the page cursor of a
// cluster listing (clusters c, in (day, id) order).
func (w *where) clusterPage(f store.EventFilter) error {
	if f.Code != "" {
		w.add(w.cameo("c.cameo_root", "", f.Code))
	}
	if f.Cursor != "" {
		var day, key string
		if err := store.DecodeCursor(f.Cursor, &day, &key); err != nil {
			return err
		}
		w.add("(c.day, c.id) > (" + w.arg(day) + ", " + w.arg(key) + ")")
	}
	return nil
}

// queryIDs runs a query of one text column and returns its values in
// order (never nil).
func queryIDs(ctx context.Context, q Querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	ids := []string{}
	err = scanAll(rows, func(r Rows) error {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

// clusterDays calls fn with the day of each cluster in ids.
func (b *Base) clusterDays(ctx context.Context, ids []string, fn func(id, day string)) error {
	for lo := 0; lo < len(ids); lo += 200 {
		chunk := ids[lo:min(lo+200, len(ids))]
		w := &where{d: &b.D}
		rows, err := b.DB.Query(ctx, `SELECT id, day FROM clusters WHERE `+w.in("id", chunk), w.args...)
		if err != nil {
			return err
		}
		if err := scanAll(rows, func(r Rows) error {
			var id, day string
			if err := r.Scan(&id, &day); err != nil {
				return err
			}
			fn(id, day)
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// Clusters lists merged events ordered like their first reports.
func (b *Base) Clusters(ctx context.Context, f store.EventFilter) (store.Page[store.Cluster], error) {
	var page store.Page[store.Cluster]
	w := &where{d: &b.D}
	b.eventWhere(f, w)
	// The page is ordered by the first report's day and key; the
	// clusters table stores both (day, id).
	from, order := "", "e.day, e.ekey"
	if len(w.conds) == 0 {
		// No filter: the maintained clusters table answers directly, the
		// page chosen there before any join (see eventsPage).
		inner := &where{d: &b.D}
		if f.Cursor != "" {
			var day, key string
			if err := store.DecodeCursor(f.Cursor, &day, &key); err != nil {
				return page, fmt.Errorf("clusters: %w", err)
			}
			inner.add("(c.day, c.id) > (" + inner.arg(day) + ", " + inner.arg(key) + ")")
		}
		from = `SELECT c.id AS cluster, c.day, c.reports, c.articles AS narticles, c.modalities AS bits, (SELECT ` +
			b.D.StringAggDistinct("m.modality") + ` FROM cluster_modalities m WHERE m.cluster = c.id) AS mods
			FROM clusters c` + inner.sql() + ` ORDER BY c.day, c.id LIMIT ` + strconv.Itoa(store.ClampLimit(f.Limit)+1)
		order = "g.day, g.cluster"
		w.args, f.Cursor = inner.args, ""
	} else {
		ids, ok, err := b.dyadClusters(ctx, f, store.ClampLimit(f.Limit)+1)
		if err == nil && !ok {
			ids, err = b.clusterCandidates(ctx, f, store.ClampLimit(f.Limit)+1)
		}
		if err != nil {
			return page, fmt.Errorf("clusters: %w", err)
		}
		if len(ids) == 0 {
			return store.Page[store.Cluster]{Items: []store.Cluster{}}, nil
		}
		w.add(w.in("e.cluster", ids))
		from = `SELECT e.cluster, COUNT(*) AS reports, COUNT(DISTINCT e.article_seq) AS narticles, 0 AS bits, ` +
			b.D.StringAggDistinct("e.modality") + ` AS mods FROM events e` + w.sql() + ` GROUP BY e.cluster`
	}
	outer := &where{d: &b.D, args: w.args}
	if f.Cursor != "" {
		var day, key string
		if err := store.DecodeCursor(f.Cursor, &day, &key); err != nil {
			return page, fmt.Errorf("clusters: %w", err)
		}
		outer.add("(" + order + ") > (" + outer.arg(day) + ", " + outer.arg(key) + ")")
	}
	return listPage(ctx, b.DB, "clusters", store.ClampLimit(f.Limit), `SELECT `+eventCols+`, g.reports, g.narticles,
		g.bits, COALESCE(g.mods, '') FROM (`+from+`) g JOIN events e ON e.ekey = g.cluster`+eventJoins+outer.sql()+
		` ORDER BY `+order, outer.args, func(r Rows) (store.Cluster, []any, error) {
		var c store.Cluster
		var bits int64
		var mods string
		rec, err := scanEvent(r, &c.Reports, &c.Articles, &bits, &mods)
		if err != nil {
			return c, nil, err
		}
		c.ID, c.First = rec.Key, rec
		c.Modalities = modalityNames(bits, mods)
		return c, []any{rec.Day, rec.Key}, nil
	})
}
