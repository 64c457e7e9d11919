package sqlbase

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Base implements store.Store over a DB and a Dialect (everything but
// Close, which the stores add).
type Base struct {
	DB DB
	D  Dialect
	// Now stamps ingest and alert times; time.Now when nil.
	Now func() time.Time

	values  sync.Map // valuesKey → statement text
	regions store.Regions
	// bulk is set between BeginBulkLoad and EndBulkLoad: the bulk path
	// leaves the aggregates to EndBulkLoad.
	bulk atomic.Bool
}

func (b *Base) now() time.Time {
	if b.Now != nil {
		return b.Now().UTC()
	}
	return time.Now().UTC()
}

// clusterWindow is how many days apart two reports of one real-world
// event may date it (time zones, "on Friday" resolved against different
// publication dates, late reports).
const clusterWindow = 2

// dyadKey is one row of dyad_daily: Prec is the events' date
// precision, DayTo the known end of a range.
// Code is the full CAMEO code when it is finer than the root (for
// dyad_code_cc), else "".
type dyadKey struct {
	Source, Target, Prec, Day, Root, DayTo, Code string
	Quad                                         int
}

type dyadVal struct {
	N          int64
	Goldstein  float64
	Fatalities int64
}

// addTo adds v to the sums of m[k].
func (v dyadVal) addTo(m map[dyadKey]dyadVal, k dyadKey) {
	s := m[k]
	s.N += v.N
	s.Goldstein += v.Goldstein
	s.Fatalities += v.Fatalities
	m[k] = s
}

// written is what one transaction stored, for the full-text index.
type written struct{ articles, sentences SeqRange }

// indexText hands the transaction's new rows to the full-text index.
func (b *Base) indexText(ctx context.Context, tx Tx, w *written) error {
	if b.D.IndexText == nil || (w.articles.Empty() && w.sentences.Empty()) {
		return nil
	}
	if err := b.D.IndexText(ctx, tx, w.articles, w.sentences); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	return nil
}

// PutArticle stores a and all its facts in one transaction.
func (b *Base) PutArticle(ctx context.Context, a *model.Article) (store.PutResult, error) {
	var res [1]store.PutResult
	if err := b.putBatch(ctx, []*model.Article{a}, res[:]); err != nil {
		return store.PutResult{}, err
	}
	return res[0], nil
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// The model holds only strings, numbers and slices of them.
		panic(fmt.Sprintf("sqlbase: marshal %T: %v", v, err))
	}
	return string(b)
}

// fpBands splits a fingerprint into the four 16-bit bands indexed for
// near-duplicate lookup.
func fpBands(fp uint64) [4]int64 {
	return [4]int64{int64(fp & 0xffff), int64(fp >> 16 & 0xffff), int64(fp >> 32 & 0xffff), int64(fp >> 48)}
}

// articleInsertCols are the columns of an articles row, articleArgs's
// values.
const articleInsertCols = `INSERT INTO articles (id, title, url, source, pub_date, pub_precision,
		pub_source, pub_evidence, pub_day, body, duplicate_of, fingerprint, fp0, fp1, fp2, fp3, ingested_at,
		captions, subheadings, warnings, heading_at, language, n_sentences, n_entities, n_events)`

const articleInsertN = 25

// articleArgs appends a's articles row to args.
func (b *Base) articleArgs(args []any, a *model.Article) []any {
	bands := fpBands(a.Fingerprint)
	return append(args, a.ID, a.Title, a.URL, a.Source, a.Published.Date, a.Published.Precision,
		a.Published.Source, a.Published.Evidence, store.DayOf(model.Deref(a.Published.Date)), a.Body,
		a.DuplicateOf, int64(a.Fingerprint), bands[0], bands[1], bands[2], bands[3], b.now().UnixNano(),
		mustJSON(a.Captions), mustJSON(a.Subheadings), mustJSON(a.Warnings), mustJSON(a.HeadingAt),
		a.Language, len(a.Sentences), len(a.Entities), len(a.Events))
}

func (b *Base) insertArticle(ctx context.Context, tx Tx, a *model.Article, w *written) (int64, bool, error) {
	var seq int64
	found, err := queryRow(ctx, tx, b.valuesSQL(articleInsertCols, ` ON CONFLICT (id) DO NOTHING RETURNING seq`, 1, articleInsertN),
		b.articleArgs(make([]any, 0, articleInsertN), a), &seq)
	if err != nil {
		return 0, false, fmt.Errorf("insert article: %w", err)
	}
	if !found {
		return 0, false, nil
	}
	w.articles.add(seq)
	return seq, true, nil
}

// insertArticles stores the rows of arts, in order, by multi-row
// INSERTs (see insertRows), and returns the seq of each row stored, 0
// for an article whose id is stored already (or comes earlier in arts):
// what insertArticle one by one returns, with the same seqs, since the
// rows of a multi-row INSERT are numbered in the order they are listed.
func (b *Base) insertArticles(ctx context.Context, tx Tx, arts []*model.Article, w *written) ([]int64, error) {
	seqs := make([]int64, len(arts))
	if len(arts) == 1 {
		seq, _, err := b.insertArticle(ctx, tx, arts[0], w)
		seqs[0] = seq
		return seqs, err
	}
	err := eachChunk(len(arts), articleInsertN, func(lo, hi int) error {
		args := make([]any, 0, (hi-lo)*articleInsertN)
		for _, a := range arts[lo:hi] {
			args = b.articleArgs(args, a)
		}
		// RETURNING's row order is unspecified: map by id.
		got := make(map[string]int64, hi-lo)
		rows, err := tx.Query(ctx, b.valuesSQL(articleInsertCols, ` ON CONFLICT (id) DO NOTHING RETURNING seq, id`,
			hi-lo, articleInsertN), args...)
		if err != nil {
			return err
		}
		err = scanAll(rows, func(r Rows) error {
			var seq int64
			var id string
			if err := r.Scan(&seq, &id); err != nil {
				return err
			}
			got[id] = seq
			return nil
		})
		if err != nil {
			return err
		}
		for i := lo; i < hi; i++ {
			// A repeated id is stored once, for its first article.
			if seq, ok := got[arts[i].ID]; ok {
				seqs[i] = seq
				delete(got, arts[i].ID)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("insert article: %w", err)
	}
	for _, seq := range seqs {
		if seq != 0 {
			w.articles.add(seq)
		}
	}
	return seqs, nil
}

// placed is an article whose row is stored, with its seq.
type placed struct {
	a   *model.Article
	seq int64
}

// insertFacts stores everything the placed articles say, in article
// order. Rows go in as multi-row INSERTs per table for the whole
// transaction (see insertRows): a statement per table and article spent
// more time in the driver and in statement bookkeeping than in the
// B-trees, for articles of a dozen sentences.
func (b *Base) insertFacts(ctx context.Context, tx Tx, list []placed, w *written) error {
	if len(list) == 0 {
		return nil
	}
	sentSeq, err := b.insertSentences(ctx, tx, list)
	if err != nil {
		return err
	}
	for _, ss := range sentSeq {
		for _, s := range ss {
			w.sentences.add(s)
		}
	}
	// The argument lists sized up front: grown by append, they were a
	// tenth of what storing allocates.
	var nEnt, nQty, nTime, nQuote, nEvent int
	for _, p := range list {
		nEnt += len(p.a.Entities)
		nQty += len(p.a.Quantities)
		nTime += len(p.a.Times)
		nQuote += len(p.a.Quotes)
		nEvent += len(p.a.Events)
	}
	entArgs, qtyArgs := make([]any, 0, 11*nEnt), make([]any, 0, 6*nQty)
	timeArgs, quoteArgs := make([]any, 0, 5*nTime), make([]any, 0, 8*nQuote)
	rows := make([]eventRow, 0, nEvent)
	names := entityNames{}
	for pi, p := range list {
		a, seq := p.a, p.seq
		ents := make(map[string]*model.Entity, len(a.Entities))
		for i := range a.Entities {
			// The mentions stay in the entity's JSON: nothing queries them
			// apart from the article, and a row per mention was a fifth of
			// the rows an article wrote. (Schema 1 kept them in the mentions
			// table, which Article still reads.)
			e := &a.Entities[i]
			ents[e.ID] = e
			entArgs = append(entArgs, seq, i, e.ID, e.Name, e.Type, model.Deref(e.Code), model.Deref(e.Country),
				e.Lat, e.Lon, len(e.Mentions), mustJSON(e))
			names.add(seq, e)
		}
		for i, q := range a.Quantities {
			qtyArgs = append(qtyArgs, seq, i, q.Sentence, q.Value, q.Unit, mustJSON(q))
		}
		for i, t := range a.Times {
			timeArgs = append(timeArgs, seq, i, t.Sentence, t.Value, mustJSON(t))
		}
		for i, q := range a.Quotes {
			var name, code string
			if q.Speaker != nil {
				if e := ents[*q.Speaker]; e != nil {
					name, code = e.Name, model.Deref(e.Code)
				}
			}
			quoteArgs = append(quoteArgs, seq, i, q.Sentence, q.Text, q.Speaker, name, code, mustJSON(q))
		}
		fatal := store.Fatalities(a)
		for i := range a.Events {
			r := newEventRow(a.ID, &a.Events[i], ents)
			r.articleSeq, r.idx = seq, i
			r.fatalities = fatal[i]
			if l := r.e.Location; l != nil {
				r.region, r.regionName = b.regions.Of(l, ents[model.Deref(l.Entity)])
			}
			if e := r.e.Sentence; e >= 0 && e < len(sentSeq[pi]) {
				r.sentSeq = &sentSeq[pi][e]
			}
			rows = append(rows, r)
		}
	}
	for _, t := range []struct {
		prefix string
		width  int
		args   []any
	}{
		{`INSERT INTO entities (article_seq, idx, eid, name, type, code, country, lat, lon, n_mentions, data)`, 11, entArgs},
		{`INSERT INTO quantities (article_seq, idx, sentence, value, unit, data)`, 6, qtyArgs},
		{`INSERT INTO times (article_seq, idx, sentence, value, data)`, 5, timeArgs},
		{`INSERT INTO quotes (article_seq, idx, sentence, text, speaker, speaker_name, speaker_code, data)`, 8, quoteArgs},
	} {
		if err := b.insertRows(ctx, tx, t.prefix, "", t.width, t.args); err != nil {
			return fmt.Errorf("%s: %w", strings.Fields(t.prefix)[2], err)
		}
	}
	if err := b.upsertEntityNames(ctx, tx, names); err != nil {
		return err
	}
	if err := b.insertEvents(ctx, tx, rows); err != nil {
		return err
	}
	c := storeCounts{articles: len(list), events: len(rows)}
	for _, p := range list {
		c.entities += len(p.a.Entities)
		c.quotes += len(p.a.Quotes)
	}
	return b.addCounts(ctx, tx, c)
}

// entityName is one row of entity_names.
type entityName struct{ name, typ, code string }

// articleCount counts the distinct articles of facts that come in
// article order.
type articleCount struct{ n, last int64 }

func (c *articleCount) add(seq int64) {
	if c.n == 0 || c.last != seq {
		c.n++
		c.last = seq
	}
}

// entitySum is what a transaction adds to an entity_names row.
type entitySum struct {
	country  string
	lat, lon *float64
	articles articleCount
	mentions int64
}

type entityNames map[entityName]*entitySum

// add counts e, an entity of the article seq (articles come in order).
func (m entityNames) add(seq int64, e *model.Entity) {
	k := entityName{e.Name, e.Type, model.Deref(e.Code)}
	s := m[k]
	if s == nil {
		s = &entitySum{}
		m[k] = s
	}
	if c := model.Deref(e.Country); c > s.country {
		s.country = c
	}
	s.lat, s.lon = maxFloat(s.lat, e.Lat), maxFloat(s.lon, e.Lon)
	s.articles.add(seq)
	s.mentions += int64(len(e.Mentions))
}

// maxFloat is the larger of a and b, ignoring nils as SQL's MAX does.
func maxFloat(a, b *float64) *float64 {
	if a == nil || (b != nil && *b > *a) {
		return b
	}
	return a
}

// upsertEntityNames adds m to entity_names, in key order (see
// upsertDyads). Country, latitude and longitude keep their largest
// value, as the listing's MAX over the entities did.
func (b *Base) upsertEntityNames(ctx context.Context, q Querier, m entityNames) error {
	keys := make([]entityName, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y entityName) int {
		return cmp.Or(cmp.Compare(x.name, y.name), cmp.Compare(x.typ, y.typ), cmp.Compare(x.code, y.code))
	})
	args := make([]any, 0, 8*len(keys))
	for _, k := range keys {
		s := m[k]
		args = append(args, k.name, k.typ, k.code, s.country, s.lat, s.lon, s.articles.n, s.mentions)
	}
	larger := func(col string) string {
		return col + ` = CASE WHEN entity_names.` + col + ` IS NULL OR excluded.` + col + ` > entity_names.` + col +
			` THEN excluded.` + col + ` ELSE entity_names.` + col + ` END`
	}
	if err := b.insertRows(ctx, q, `INSERT INTO entity_names (name, type, code, country, lat, lon, articles, mentions)`,
		` ON CONFLICT (name, type, code) DO UPDATE SET `+larger("country")+`, `+larger("lat")+`, `+larger("lon")+`,
		articles = entity_names.articles + excluded.articles, mentions = entity_names.mentions + excluded.mentions`,
		8, args); err != nil {
		return fmt.Errorf("update entity names: %w", err)
	}
	return nil
}

// insertEvents clusters and stores the events rows, in article order, and
// adds them to the aggregates.
func (b *Base) insertEvents(ctx context.Context, tx Tx, rows []eventRow) error {
	heads, err := b.storedHeads(ctx, tx, rows)
	if err != nil {
		return fmt.Errorf("cluster events: %w", err)
	}
	dyads := map[dyadKey]dyadVal{}
	countries := newCountrySums()
	codes := map[string]bool{}
	cl := newClusterDelta(heads)
	args := make([]any, 0, len(rows)*eventInsertN)
	for i := range rows {
		r := &rows[i]
		r.cluster = cl.find(r)
		args = append(args, r.args()...)
		r.addDyad(dyads)
		r.addCountry(countries)
		codes[r.source], codes[r.target] = true, true
		cl.add(r)
	}
	if err := b.insertRows(ctx, tx, `INSERT INTO events (`+eventInsertCols+`)`, "", eventInsertN, args); err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	if err := cl.apply(ctx, b, tx); err != nil {
		return err
	}
	if err := b.insertCodes(ctx, tx, codes); err != nil {
		return err
	}
	if err := b.upsertCountries(ctx, tx, countries); err != nil {
		return err
	}
	return b.upsertDyads(ctx, tx, dyads)
}

// insertSentences stores the placed articles' sentences and returns their
// seq numbers, by article and sentence index.
func (b *Base) insertSentences(ctx context.Context, q Querier, list []placed) ([][]int64, error) {
	seqs := make([][]int64, len(list))
	pos := make(map[int64]int, len(list))
	n := 0
	for _, p := range list {
		n += len(p.a.Sentences)
	}
	args := make([]any, 0, 5*n)
	for i, p := range list {
		pos[p.seq] = i
		seqs[i] = make([]int64, len(p.a.Sentences))
		for _, s := range p.a.Sentences {
			args = append(args, p.seq, s.Index, s.Start, s.End, s.Text)
		}
	}
	err := eachChunk(len(args)/5, 5, func(lo, hi int) error {
		// RETURNING's row order is unspecified: map by article and idx.
		rows, err := q.Query(ctx, b.valuesSQL(`INSERT INTO sentences (article_seq, idx, start_off, end_off, text)`,
			` RETURNING seq, article_seq, idx`, hi-lo, 5), args[lo*5:hi*5]...)
		if err != nil {
			return err
		}
		return scanAll(rows, func(r Rows) error {
			var seq, article int64
			var idx int
			if err := r.Scan(&seq, &article, &idx); err != nil {
				return err
			}
			i, ok := pos[article]
			if !ok {
				return fmt.Errorf("sentence of unknown article %d", article)
			}
			sents := list[i].a.Sentences
			if idx >= 0 && idx < len(sents) && sents[idx].Index == idx {
				seqs[i][idx] = seq
				return nil
			}
			for j := range sents {
				if sents[j].Index == idx {
					seqs[i][j] = seq
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("insert sentences: %w", err)
	}
	return seqs, nil
}

// maxChunk is the most rows one INSERT carries.
const maxChunk = 64

// eachChunk calls fn for consecutive ranges [lo, hi) covering n rows,
// sized as powers of two up to maxChunk (and under the databases'
// parameter limits), so that an article's statements come in a handful
// of shapes the driver can keep prepared.
func eachChunk(n, width int, fn func(lo, hi int) error) error {
	top := maxChunk
	for top*width > 30_000 {
		top /= 2
	}
	for lo := 0; lo < n; {
		size := top
		for size > n-lo {
			size /= 2
		}
		if err := fn(lo, lo+size); err != nil {
			return err
		}
		lo += size
	}
	return nil
}

// insertRows runs "prefix VALUES (...), (...) suffix" over args, a flat
// list of rows of width values each, in chunks.
func (b *Base) insertRows(ctx context.Context, q Querier, prefix, suffix string, width int, args []any) error {
	return eachChunk(len(args)/width, width, func(lo, hi int) error {
		return q.Exec(ctx, b.valuesSQL(prefix, suffix, hi-lo, width), args[lo*width:hi*width]...)
	})
}

// valuesKey identifies a multi-row statement.
type valuesKey struct {
	prefix, suffix string
	rows, width    int
}

// valuesSQL returns the text of a multi-row statement, from b.values:
// an article's inserts come in a few dozen shapes, and building a
// thousand placeholders per statement showed in profiles. The cache is
// bounded by the statement prefixes in this package times the chunk
// sizes.
func (b *Base) valuesSQL(prefix, suffix string, rows, width int) string {
	k := valuesKey{prefix, suffix, rows, width}
	if v, ok := b.values.Load(k); ok {
		return v.(string)
	}
	q := prefix + ` VALUES ` + placeholders(1, rows, width) + suffix
	b.values.Store(k, q)
	return q
}

// eventRow is an event with the derived columns it is indexed by.
type eventRow struct {
	e                      *model.Event
	key                    string
	source, target         string
	root, day, country     string
	prec                   string // store.DatePrecision
	locPrec                string // store.LocationPrecision
	region, regionName     string // store.Regions
	dayTo                  string // the known end of a range
	fatalities             int
	sourceName, targetName string
	lat, lon               *float64
	cluster                string
	// lo and hi bound the days of the clusters this event may join.
	lo, hi string
	// articleSeq and idx order reports by insertion, so that the first
	// report of an event founds its cluster.
	articleSeq int64
	idx        int
	sentSeq    *int64 // the stored sentence, when known
}

func newEventRow(articleID string, e *model.Event, ents map[string]*model.Entity) eventRow {
	r := eventRow{
		e: e, key: articleID + ":" + e.ID,
		source: e.Source.Code, root: store.CameoRoot(e.Cameo), day: store.EventDay(e),
		prec: store.DatePrecision(e),
	}
	if r.prec == model.PrecisionRange {
		r.dayTo = store.LastDayOf(model.Deref(e.Date.To))
	}
	if e.Target != nil {
		r.target = e.Target.Code
		if t := ents[model.Deref(e.Target.Entity)]; t != nil {
			r.targetName = t.Name
		}
	}
	if s := ents[model.Deref(e.Source.Entity)]; s != nil {
		r.sourceName = s.Name
	}
	if e.Location != nil {
		r.country = model.Deref(e.Location.Country)
		r.lat, r.lon = e.Location.Lat, e.Location.Lon
		r.locPrec = store.LocationPrecision(e.Location, ents[model.Deref(e.Location.Entity)])
	}
	r.cluster = r.key
	if r.day != "" {
		r.lo, r.hi = store.AddDays(r.day, -clusterWindow), store.AddDays(r.day, clusterWindow)
		// AddDays gives "" past the years 0000-9999: no bound on that side
		if r.lo == "" {
			r.lo = "0000-01-01"
		}
		if r.hi == "" {
			r.hi = "9999-12-31"
		}
	}
	return r
}

// fineCode is the event's full CAMEO code when it is finer than its root
// (the code of dyad_code_cc and country_code), else "".
func (r *eventRow) fineCode() string {
	if len(r.e.Cameo) > len(r.root) && r.root != "" {
		return r.e.Cameo
	}
	return ""
}

// addDyad counts r in the daily aggregates, undated events (an empty day)
// included: timelines show them in their own bucket.
func (r *eventRow) addDyad(m map[dyadKey]dyadVal) {
	k := dyadKey{Source: r.source, Target: r.target, Prec: r.prec, Day: r.day, Root: r.root, DayTo: r.dayTo,
		Quad: r.e.QuadClass}
	k.Code = r.fineCode()
	dyadVal{N: 1, Goldstein: r.e.Goldstein, Fatalities: int64(r.fatalities)}.addTo(m, k)
}

// storedHeads returns the first reports of the stored clusters that
// events of rows may join — same source, target and CAMEO root, dated
// within clusterWindow days — in the order they were stored, with key
// holding the cluster id. A few queries per transaction, not one per
// event.
//
// A report joins the earliest of them that sameEvent accepts (else a
// cluster an earlier report of the transaction founds, else its own).
// Matching the first report only, not any member, bounds a cluster to
// the window around its first report: daily reports of a campaign stay
// separate events instead of chaining into one.
func (b *Base) storedHeads(ctx context.Context, q Querier, rows []eventRow) ([]*eventRow, error) {
	var arms []*eventRow // one per (source, target, root, day)
	seen := map[[4]string]bool{}
	for i := range rows {
		r := &rows[i]
		if r.day == "" || r.root == "" {
			continue
		}
		k := [4]string{r.source, r.target, r.root, r.day}
		if !seen[k] {
			seen[k] = true
			arms = append(arms, r)
		}
	}
	var heads []*eventRow
	got := map[string]bool{}
	// The keys come as a VALUES list joined to the index: SQLite turns
	// an OR of more than a few such conditions into a scan of clusters.
	err := eachChunk(len(arms), 5, func(lo, hi int) error {
		args := make([]any, 0, 5*(hi-lo))
		for _, r := range arms[lo:hi] {
			args = append(args, r.source, r.target, r.root, r.lo, r.hi)
		}
		res, err := q.Query(ctx, `WITH k (s, t, r, lo, hi) AS (`+b.valuesSQL("", "", hi-lo, 5)+`)
			SELECT c.id, c.source_code, c.target_code, c.cameo_root, c.day, c.country, c.article_seq, c.idx
			FROM k CROSS JOIN clusters c WHERE c.source_code = k.s AND c.target_code = k.t
			AND c.cameo_root = k.r AND c.day >= k.lo AND c.day <= k.hi`, args...)
		if err != nil {
			return err
		}
		return scanAll(res, func(r Rows) error {
			h := &eventRow{}
			if err := r.Scan(&h.key, &h.source, &h.target, &h.root, &h.day, &h.country, &h.articleSeq, &h.idx); err != nil {
				return err
			}
			if !got[h.key] { // arms of one dyad overlap
				got[h.key] = true
				h.cluster = h.key
				heads = append(heads, h)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(heads, func(x, y *eventRow) int {
		if c := cmp.Compare(x.articleSeq, y.articleSeq); c != 0 {
			return c
		}
		return cmp.Compare(x.idx, y.idx)
	})
	return heads, nil
}

// lockClusters locks, where the dialect needs it, the (source, target,
// CAMEO root) of every event of arts that storedHeads will look up.
func (b *Base) lockClusters(ctx context.Context, tx Tx, arts ...*model.Article) error {
	if b.D.LockClusters == nil {
		return nil
	}
	set := map[int64]bool{}
	for _, a := range arts {
		for i := range a.Events {
			e := &a.Events[i]
			root := store.CameoRoot(e.Cameo)
			if root == "" || store.EventDay(e) == "" {
				continue
			}
			var target string
			if e.Target != nil {
				target = e.Target.Code
			}
			h := fnv.New64a()
			h.Write([]byte(e.Source.Code + "\x00" + target + "\x00" + root))
			set[int64(h.Sum64())] = true
		}
	}
	if len(set) == 0 {
		return nil
	}
	keys := make([]int64, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if err := b.D.LockClusters(ctx, tx, keys); err != nil {
		return fmt.Errorf("lock clusters: %w", err)
	}
	return nil
}

// sameEvent reports whether report r may join the cluster founded by
// head (see storedHeads).
func sameEvent(head, r *eventRow) bool {
	return r.day != "" && r.root != "" && head.source == r.source && head.target == r.target &&
		head.root == r.root && head.day >= r.lo && head.day <= r.hi &&
		(r.country == "" || head.country == "" || head.country == r.country)
}

const eventInsertCols = `ekey, article_seq, idx, eid, sent_seq, source_code, target_code, cameo,
	cameo_root, quad_class, goldstein, modality, day, country, lat, lon, source_name, target_name, cluster, data,
	prec, fatalities, loc_prec, region, region_name, day_to`

const eventInsertN = 26

func (r *eventRow) args() []any {
	return []any{r.key, r.articleSeq, r.idx, r.e.ID, r.sentSeq, r.source, r.target, r.e.Cameo,
		r.root, r.e.QuadClass, r.e.Goldstein, r.e.Modality, r.day, r.country, r.lat, r.lon,
		r.sourceName, r.targetName, r.cluster, mustJSON(r.e), r.prec, r.fatalities, r.locPrec,
		r.region, r.regionName, r.dayTo}
}

// placeholders returns rows groups of n parameters "($1, ..., $n), ..."
// numbered from first.
func placeholders(first, rows, n int) string {
	var sb strings.Builder
	p := first
	for i := range rows {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('(')
		for j := range n {
			if j > 0 {
				sb.WriteString(", ")
			}
			fmt.Fprintf(&sb, "$%d", p)
			p++
		}
		sb.WriteByte(')')
	}
	return sb.String()
}

// clusterDelta is what one transaction adds to the clusters table.
type clusterDelta struct {
	m map[string]*clusterAdd
	// heads are the first reports of the clusters reports may join, by
	// (source, target, root), in the order they were stored: those
	// storedHeads found, then those this transaction founds.
	heads map[[3]string][]*eventRow
}

type clusterAdd struct {
	head       *eventRow // set when the transaction founds the cluster
	reports    int64
	articles   articleCount
	modalities map[string]bool
}

// newClusterDelta starts a delta whose reports may join the clusters
// founded by stored, in order.
func newClusterDelta(stored []*eventRow) *clusterDelta {
	d := &clusterDelta{m: map[string]*clusterAdd{}, heads: map[[3]string][]*eventRow{}}
	for _, h := range stored {
		k := [3]string{h.source, h.target, h.root}
		d.heads[k] = append(d.heads[k], h)
	}
	return d
}

func (d *clusterDelta) add(r *eventRow) {
	c := d.m[r.cluster]
	if c == nil {
		c = &clusterAdd{modalities: map[string]bool{}}
		d.m[r.cluster] = c
	}
	if r.cluster == r.key {
		c.head = r
		k := [3]string{r.source, r.target, r.root}
		d.heads[k] = append(d.heads[k], r)
	}
	c.reports++
	c.articles.add(r.articleSeq)
	c.modalities[r.e.Modality] = true
}

// find returns the cluster r joins: the earliest head that accepts it,
// else r's own key (r founds a cluster).
func (d *clusterDelta) find(r *eventRow) string {
	if r.day == "" || r.root == "" {
		return r.key
	}
	for _, h := range d.heads[[3]string{r.source, r.target, r.root}] {
		if sameEvent(h, r) {
			return h.cluster
		}
	}
	return r.key
}

// apply updates the clusters in id order (see upsertDyads).
func (d *clusterDelta) apply(ctx context.Context, b *Base, q Querier) error {
	ids := make([]string, 0, len(d.m))
	for id := range d.m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var args, other []any
	for _, id := range ids {
		c := d.m[id]
		h := c.head
		if h == nil {
			h = &eventRow{} // the cluster exists: only the counts change
		}
		bits := int64(0)
		for m := range c.modalities {
			if bit := modalityBit(m); bit != 0 {
				bits |= bit
			} else {
				other = append(other, id, m)
			}
		}
		args = append(args, id, h.day, c.reports, c.articles.n, h.source, h.target, h.root, h.country, h.articleSeq, h.idx, bits)
	}
	if err := b.insertRows(ctx, q, `INSERT INTO clusters (id, day, reports, articles, source_code, target_code,
		cameo_root, country, article_seq, idx, modalities)`, ` ON CONFLICT (id) DO UPDATE SET reports = clusters.reports + excluded.reports,
		articles = clusters.articles + excluded.articles, modalities = clusters.modalities | excluded.modalities`, 11, args); err != nil {
		return fmt.Errorf("update clusters: %w", err)
	}
	if err := b.insertRows(ctx, q, `INSERT INTO cluster_modalities (cluster, modality)`,
		` ON CONFLICT (cluster, modality) DO NOTHING`, 2, other); err != nil {
		return fmt.Errorf("update cluster modalities: %w", err)
	}
	return nil
}

// modalities are the modalities clusters.modalities holds as bits, in
// bit order; a modality not listed (none today) goes to the
// cluster_modalities table instead.
var modalities = [...]string{model.ModalityAsserted, model.ModalityFuture, model.ModalityPossible,
	model.ModalityDenied, model.ModalityAlleged, model.ModalityHabitual, model.ModalityNegated}

func modalityBit(m string) int64 {
	for i, x := range modalities {
		if x == m {
			return 1 << i
		}
	}
	return 0
}

// modalityNames lists the modalities of a bit set, plus the others.
func modalityNames(bits int64, others string) []string {
	out := []string{}
	for i, m := range modalities {
		if bits&(1<<i) != 0 {
			out = append(out, m)
		}
	}
	if others != "" {
		out = append(out, strings.Split(others, ",")...)
	}
	sort.Strings(out)
	return out
}

// insertCodes records the actor codes of new events, in sorted order
// for the same reason as upsertDyads.
func (b *Base) insertCodes(ctx context.Context, q Querier, m map[string]bool) error {
	set := map[string]bool{}
	for c := range m {
		if c != "" {
			// The country part too, for prefix lookups on dyad_daily_cc.
			set[c], set[countryPart(c)] = true, true
		}
	}
	codes := make([]string, 0, len(set))
	for c := range set {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	args := make([]any, len(codes))
	for i, c := range codes {
		args[i] = c
	}
	if err := b.insertRows(ctx, q, `INSERT INTO actor_codes (code)`, ` ON CONFLICT (code) DO NOTHING`, 1, args); err != nil {
		return fmt.Errorf("record actor codes: %w", err)
	}
	return nil
}

// upsertDyads adds to the daily dyad aggregates in key order, so that
// concurrent writers lock rows in the same order and cannot deadlock:
// dyad_daily, its country-level and per-country forms, and their sums
// without the CAMEO root (dyad_day_cc, actor_day_cc, all_day).
func (b *Base) upsertDyads(ctx context.Context, q Querier, m map[dyadKey]dyadVal) error {
	daily, cc, day, codes := map[dyadKey]dyadVal{}, map[dyadKey]dyadVal{}, map[dyadKey]dyadVal{}, map[dyadKey]dyadVal{}
	for k, v := range m {
		code := k.Code
		k.Code = ""
		v.addTo(daily, k)
		k.Source, k.Target = countryPart(k.Source), countryPart(k.Target)
		v.addTo(cc, k)
		if code != "" {
			kc := k
			kc.Root = code
			v.addTo(codes, kc)
		}
		k.Root = ""
		v.addTo(day, k)
	}
	if err := b.upsertDyadTable(ctx, q, "dyad_daily", "source_code, target_code", daily); err != nil {
		return err
	}
	if err := b.upsertCodeSums(ctx, q, codes); err != nil {
		return err
	}
	if err := b.upsertDyadTable(ctx, q, "dyad_daily_cc", "source_code, target_code", cc); err != nil {
		return err
	}
	if err := b.upsertActors(ctx, q, cc); err != nil {
		return err
	}
	if err := b.upsertSums(ctx, q, "dyad_day_cc", "source_code, target_code", false, day); err != nil {
		return err
	}
	views, all := map[actorKey]dyadVal{}, map[dyadKey]dyadVal{}
	for k, v := range day {
		view := func(actor, role string) {
			v.addTo(views, actorKey{Source: actor, Target: role, Prec: k.Prec, Day: k.Day, DayTo: k.DayTo, Quad: k.Quad})
		}
		view(k.Source, "i")
		view(k.Source, "s")
		if k.Target != "" && k.Target != k.Source {
			view(k.Target, "i")
		}
		if k.Target != "" {
			view(k.Target, "t")
		}
		v.addTo(all, dyadKey{Prec: k.Prec, Day: k.Day, DayTo: k.DayTo, Quad: k.Quad})
	}
	if err := b.upsertSums(ctx, q, "actor_day_cc", "actor, role", false, views); err != nil {
		return err
	}
	return b.upsertSums(ctx, q, "all_day", "", false, all)
}

// upsertCodeSums adds m, keyed by country-level dyad with the full
// CAMEO code in Root, to dyad_code_cc.
func (b *Base) upsertCodeSums(ctx context.Context, q Querier, m map[dyadKey]dyadVal) error {
	const key = "source_code, target_code, cameo, prec, day, day_to, quad_class"
	keys := sortedDyadKeys(m)
	args := make([]any, 0, 10*len(keys))
	for _, k := range keys {
		v := m[k]
		args = append(args, k.Source, k.Target, k.Root, k.Prec, k.Day, k.DayTo, k.Quad, v.N, v.Goldstein, v.Fatalities)
	}
	if err := b.insertRows(ctx, q, `INSERT INTO dyad_code_cc (`+key+`, n, goldstein_sum, fatalities)`,
		` ON CONFLICT (`+key+`)
		DO UPDATE SET n = dyad_code_cc.n + excluded.n, goldstein_sum = dyad_code_cc.goldstein_sum + excluded.goldstein_sum,
		fatalities = dyad_code_cc.fatalities + excluded.fatalities`, 10, args); err != nil {
		return fmt.Errorf("update dyad_code_cc: %w", err)
	}
	return nil
}

// actorKey is one row of actor_daily_cc; the dyadKey fields are reused
// with Source as the actor and Target as its role.
type actorKey = dyadKey

// upsertActors adds the country-level dyad sums to the per-actor
// aggregates: to the source as 's', the target as 't', or once as 'b'
// when both are the same country.
func (b *Base) upsertActors(ctx context.Context, q Querier, cc map[dyadKey]dyadVal) error {
	m := map[actorKey]dyadVal{}
	add := func(actor, role string, k dyadKey, v dyadVal) {
		v.addTo(m, actorKey{Source: actor, Target: role, Prec: k.Prec, Day: k.Day, Root: k.Root, DayTo: k.DayTo, Quad: k.Quad})
	}
	for k, v := range cc {
		switch {
		case k.Source == k.Target:
			add(k.Source, "b", k, v)
		default:
			add(k.Source, "s", k, v)
			if k.Target != "" {
				add(k.Target, "t", k, v)
			}
		}
	}
	return b.upsertDyadTable(ctx, q, "actor_daily_cc", "actor, role", m)
}

// sortedDyadKeys returns m's keys in the order rows are locked.
func sortedDyadKeys(m map[dyadKey]dyadVal) []dyadKey {
	keys := make([]dyadKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		if a.Prec != b.Prec {
			return a.Prec < b.Prec
		}
		if a.Day != b.Day {
			return a.Day < b.Day
		}
		if a.Quad != b.Quad {
			return a.Quad < b.Quad
		}
		if a.Root != b.Root {
			return a.Root < b.Root
		}
		return a.DayTo < b.DayTo
	})
	return keys
}

// upsertDyadTable adds m to the sums of table, whose key is the two
// columns pair (the dyad, or an actor and its role) then date
// precision, day, quad class, CAMEO root and range end.
func (b *Base) upsertDyadTable(ctx context.Context, q Querier, table, pair string, m map[dyadKey]dyadVal) error {
	return b.upsertSums(ctx, q, table, pair, true, m)
}

// upsertSums adds m to the sums of table, whose key is the columns pair
// ("" for none; the dyad, or an actor and its role) then date
// precision, day, quad class, CAMEO root and range end when rooted, or
// date precision, day, range end and quad class when not.
func (b *Base) upsertSums(ctx context.Context, q Querier, table, pair string, rooted bool, m map[dyadKey]dyadVal) error {
	key := "prec, day, day_to, quad_class"
	if rooted {
		key = "prec, day, quad_class, cameo_root, day_to"
	}
	if pair != "" {
		key = pair + ", " + key
	}
	keys := sortedDyadKeys(m)
	width := strings.Count(key, ",") + 1 + 3
	args := make([]any, 0, width*len(keys))
	for _, k := range keys {
		v := m[k]
		if pair != "" {
			args = append(args, k.Source, k.Target)
		}
		if rooted {
			args = append(args, k.Prec, k.Day, k.Quad, k.Root, k.DayTo)
		} else {
			args = append(args, k.Prec, k.Day, k.DayTo, k.Quad)
		}
		args = append(args, v.N, v.Goldstein, v.Fatalities)
	}
	if err := b.insertRows(ctx, q, `INSERT INTO `+table+` (`+key+`, n, goldstein_sum, fatalities)`,
		` ON CONFLICT (`+key+`)
		DO UPDATE SET n = `+table+`.n + excluded.n, goldstein_sum = `+table+`.goldstein_sum + excluded.goldstein_sum,
		fatalities = `+table+`.fatalities + excluded.fatalities`,
		width, args); err != nil {
		return fmt.Errorf("update %s: %w", table, err)
	}
	return nil
}

// addCountry counts r by the country of its location: by day
// (country_day) and by country-level dyad and root (country_dyad).
func (r *eventRow) addCountry(c *countrySums) {
	if r.country == "" {
		return
	}
	v := countryVal{n: 1, fatalities: int64(r.fatalities)}
	addCount(c.day, countryKey{r.day, r.country}, v)
	addCount(c.dyad, countryDyadKey{countryPart(r.source), countryPart(r.target), r.root, "", r.country}, v)
	if r.day != "" {
		addCount(c.month, countryDyadKey{countryPart(r.source), countryPart(r.target), r.root, r.day[:7], r.country}, v)
	}
	addCount(c.pair, countryDyadKey{r.source, r.target, r.root, "", r.country}, v)
	if code := r.fineCode(); code != "" {
		addCount(c.code, countryRootKey{code, "", r.country}, v)
	}
}

// upsertCountries adds the events counted by addCountry to country_day
// and country_total, then to the sums by dyad, actor and root, in key
// order (see upsertDyads).
func (b *Base) upsertCountries(ctx context.Context, q Querier, c *countrySums) error {
	if err := b.upsertCountryDays(ctx, q, c.day); err != nil {
		return err
	}
	if err := b.upsertCountryCodes(ctx, q, c); err != nil {
		return err
	}
	if err := b.upsertCountrySums(ctx, q, c.month, "_month"); err != nil {
		return err
	}
	return b.upsertCountrySums(ctx, q, c.dyad, "")
}

// upsertCountryDays adds m to country_day and country_total.
func (b *Base) upsertCountryDays(ctx context.Context, q Querier, m map[countryKey]countryVal) error {
	keys := make([]countryKey, 0, len(m))
	total := map[string]countryVal{}
	for k, v := range m {
		keys = append(keys, k)
		t := total[k.country]
		t.n += v.n
		t.fatalities += v.fatalities
		total[k.country] = t
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].day != keys[j].day {
			return keys[i].day < keys[j].day
		}
		return keys[i].country < keys[j].country
	})
	args := make([]any, 0, 4*len(keys))
	for _, k := range keys {
		args = append(args, k.day, k.country, m[k].n, m[k].fatalities)
	}
	if err := b.insertRows(ctx, q, `INSERT INTO country_day (day, country, n, fatalities)`,
		` ON CONFLICT (day, country) DO UPDATE SET n = country_day.n + excluded.n,
		fatalities = country_day.fatalities + excluded.fatalities`, 4, args); err != nil {
		return fmt.Errorf("update country_day: %w", err)
	}
	countries := make([]string, 0, len(total))
	for c := range total {
		countries = append(countries, c)
	}
	sort.Strings(countries)
	// A fresh slice: a store may queue the statement above with its
	// arguments until commit (PostgreSQL batches).
	args = make([]any, 0, 3*len(countries))
	for _, c := range countries {
		args = append(args, c, total[c].n, total[c].fatalities)
	}
	if err := b.insertRows(ctx, q, `INSERT INTO country_total (country, n, fatalities)`,
		` ON CONFLICT (country) DO UPDATE SET n = country_total.n + excluded.n,
		fatalities = country_total.fatalities + excluded.fatalities`, 3, args); err != nil {
		return fmt.Errorf("update country_total: %w", err)
	}
	return nil
}

// countryPart is the part of an actor code dyad_daily_cc keeps.
func countryPart(code string) string {
	if len(code) > countryLen {
		return code[:countryLen]
	}
	return code
}

const countryLen = 3

// BulkInsertEvents stores many events under one article quickly, for
// benchmarks and load tests: a stub article is created when articleID is
// new, each event is its own cluster, and sentences are not linked. The
// dyad aggregates are updated as PutArticle would.
func (b *Base) BulkInsertEvents(ctx context.Context, articleID string, events []model.Event) error {
	return b.BulkInsertEventFacts(ctx, articleID, events, nil)
}

// BulkInsertEventFacts is BulkInsertEvents with the facts PutArticle
// would derive from each event's article (facts[i] for events[i]; nil
// for none).
func (b *Base) BulkInsertEventFacts(ctx context.Context, articleID string, events []model.Event, facts []store.EventFacts) (err error) {
	tx, err := b.DB.Begin(ctx)
	if err != nil {
		return fmt.Errorf("bulk insert: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	var seq int64
	found, err := queryRow(ctx, tx, `SELECT seq FROM articles WHERE id = $1`, []any{articleID}, &seq)
	if err != nil {
		return fmt.Errorf("bulk insert: %w", err)
	}
	if !found {
		stub := model.NewArticle()
		stub.ID = articleID
		stub.Title = model.Str("bulk " + articleID)
		var w written
		if seq, _, err = b.insertArticle(ctx, tx, stub, &w); err != nil {
			return fmt.Errorf("bulk insert: %w", err)
		}
		if err := b.indexText(ctx, tx, &w); err != nil {
			return fmt.Errorf("bulk insert: %w", err)
		}
	}
	var start int
	if found {
		if _, err := queryRow(ctx, tx, `SELECT COUNT(*) FROM events WHERE article_seq = $1`, []any{seq}, &start); err != nil {
			return fmt.Errorf("bulk insert: %w", err)
		}
	}
	bulk := b.bulk.Load()
	dyads := map[dyadKey]dyadVal{}
	countries := newCountrySums()
	codes := map[string]bool{}
	cl := newClusterDelta(nil)
	args := make([]any, 0, len(events)*eventInsertN)
	for i := range events {
		r := newEventRow(articleID, &events[i], nil)
		r.articleSeq, r.idx = seq, start+i
		if facts != nil {
			f := facts[i]
			r.fatalities, r.region, r.regionName = f.Fatalities, f.Region, f.RegionName
			if r.e.Location != nil {
				r.locPrec = f.LocationPrecision
			}
		}
		args = append(args, r.args()...)
		if !bulk {
			r.addDyad(dyads)
			r.addCountry(countries)
		}
		codes[r.source], codes[r.target] = true, true
		cl.add(&r)
	}
	if err := b.insertRows(ctx, tx, `INSERT INTO events (`+eventInsertCols+`)`, "", eventInsertN, args); err != nil {
		return fmt.Errorf("bulk insert events: %w", err)
	}
	if err := cl.apply(ctx, b, tx); err != nil {
		return err
	}
	if err := b.insertCodes(ctx, tx, codes); err != nil {
		return err
	}
	if !bulk {
		if err := b.upsertCountries(ctx, tx, countries); err != nil {
			return err
		}
		if err := b.upsertDyads(ctx, tx, dyads); err != nil {
			return err
		}
	}
	if err := tx.Exec(ctx, `UPDATE articles SET n_events = n_events + $1 WHERE seq = $2`, len(events), seq); err != nil {
		return fmt.Errorf("bulk insert: %w", err)
	}
	c := storeCounts{events: len(events)}
	if !found {
		c.articles = 1
	}
	if err := b.addCounts(ctx, tx, c); err != nil {
		return fmt.Errorf("bulk insert: %w", err)
	}
	return tx.Commit(ctx)
}

// PutArticles stores several articles in one transaction, which saves the
// per-commit cost that dominates small articles. The result is the same
// as calling PutArticle for each: if any article fails, the batch is
// rolled back and the articles are stored one by one, so one bad article
// costs only itself and its error is returned with the others' results.
func (b *Base) PutArticles(ctx context.Context, arts []*model.Article) ([]store.PutResult, error) {
	res := make([]store.PutResult, len(arts))
	if err := b.putBatch(ctx, arts, res); err == nil {
		return res, nil
	} else if ctx.Err() != nil {
		return nil, err
	}
	var firstErr error
	for i, a := range arts {
		r, err := b.PutArticle(ctx, a)
		if err != nil {
			r = store.PutResult{Err: err}
			if firstErr == nil {
				firstErr = err
			}
		}
		res[i] = r
	}
	return res, firstErr
}

// putBatch stores arts in one transaction, setting res[i] for each.
func (b *Base) putBatch(ctx context.Context, arts []*model.Article, res []store.PutResult) (err error) {
	for _, a := range arts {
		if a == nil || a.ID == "" {
			return errors.New("put article: missing id")
		}
	}
	name := "put articles"
	if len(arts) == 1 {
		name = "put article " + arts[0].ID
	}
	tx, err := b.DB.Begin(ctx)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", name, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	// All the batch's locks first, in one sorted order: two batches
	// never wait for each other in a cycle.
	if err := b.lockClusters(ctx, tx, arts...); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var w written
	seqs, err := b.insertArticles(ctx, tx, arts, &w)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	list := make([]placed, 0, len(arts))
	for i, a := range arts {
		if seqs[i] != 0 {
			list = append(list, placed{a, seqs[i]})
			res[i] = store.PutResult{Inserted: true, Events: len(a.Events)}
		}
	}
	if len(list) == 0 {
		return tx.Rollback(ctx)
	}
	if err := b.insertFacts(ctx, tx, list, &w); err != nil {
		if len(list) == 1 {
			return fmt.Errorf("put article %s: %w", list[0].a.ID, err)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := b.indexText(ctx, tx, &w); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("%s: commit: %w", name, err)
	}
	return nil
}
