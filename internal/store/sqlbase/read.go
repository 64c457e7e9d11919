package sqlbase

import (
	"context"
	"encoding/json"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// where collects the conditions and $N arguments of a query.
type where struct {
	d     *Dialect
	conds []string
	args  []any
}

func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) add(c string) { w.conds = append(w.conds, c) }

// in is a condition that col is one of vals.
func (w *where) in(col string, vals []string) string {
	ps := make([]string, len(vals))
	for i, v := range vals {
		ps[i] = w.arg(v)
	}
	return col + " IN (" + strings.Join(ps, ", ") + ")"
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// prefix is a condition matching col values that start with p, as an
// index range rather than LIKE.
func (w *where) prefix(col, p string) string {
	c := col + " >= " + w.arg(p)
	if hi := store.PrefixEnd(p); hi != "" {
		c += " AND " + col + " < " + w.arg(hi)
	}
	return c
}

// ccCode is prefix for a column of codes cut to a country code (the
// country-level sums), where a whole country code is one value.
func (w *where) ccCode(col, p string) string {
	if len(p) == countryLen {
		return col + " = " + w.arg(p)
	}
	return w.prefix(col, p)
}

// code matches actor codes of col starting with p. It expands the
// prefix to the known codes (table actor_codes) so that an index on
// (source, target, ...) is probed once per code with the target range
// still usable, rather than range-scanned over the whole prefix.
func (w *where) code(col, p string) string {
	sub := "SELECT code FROM actor_codes WHERE " + w.prefix("code", p)
	if w.d.InSubquery != nil {
		return w.d.InSubquery(col, sub)
	}
	return col + " IN (" + sub + ")"
}

// dyad matches source prefix s and target prefix t ("" = any).
func (w *where) dyad(srcCol, tgtCol, s, t string) string {
	return w.dyadWith(srcCol, tgtCol, s, t, w.code)
}

// dyadWith is dyad with code as the condition of one side.
func (w *where) dyadWith(srcCol, tgtCol, s, t string, code func(col, p string) string) string {
	var cs []string
	if s != "" {
		cs = append(cs, code(srcCol, s))
	}
	if t != "" {
		cs = append(cs, code(tgtCol, t))
	}
	if len(cs) == 0 {
		return "1 = 1"
	}
	return strings.Join(cs, " AND ")
}

// dyadEither matches the dyad in the given orientation, or in either
// when undirected.
func (w *where) dyadEither(srcCol, tgtCol, a, b string, directed bool) string {
	dir := w.dyad(srcCol, tgtCol, a, b)
	if directed {
		return dir
	}
	return "((" + dir + ") OR (" + w.dyad(srcCol, tgtCol, b, a) + "))"
}

// dyadEitherWith is dyadEither with code as the condition of one side.
func (w *where) dyadEitherWith(srcCol, tgtCol, a, b string, directed bool, code func(col, p string) string) string {
	dir := w.dyadWith(srcCol, tgtCol, a, b, code)
	if directed {
		return dir
	}
	return "((" + dir + ") OR (" + w.dyadWith(srcCol, tgtCol, b, a, code) + "))"
}

// dyadEitherAnd is dyadEither with cond repeated inside each
// orientation. SQLite plans each arm of an OR on its own, with only the
// arm's terms: a partial index (events_loose, events_fatal) is usable in
// an arm only when the arm itself states the index's condition.
func (w *where) dyadEitherAnd(srcCol, tgtCol, a, b string, directed bool, cond string) string {
	dir := cond + " AND " + w.dyad(srcCol, tgtCol, a, b)
	if directed {
		return dir
	}
	return "((" + dir + ") OR (" + cond + " AND " + w.dyad(srcCol, tgtCol, b, a) + "))"
}

// Article returns an article with all its facts.
func (b *Base) Article(ctx context.Context, id string) (*model.Article, error) {
	a := model.NewArticle()
	var seq, fp int64
	var captions, subheadings, warnings, headingAt string
	found, err := queryRow(ctx, b.DB, `SELECT seq, id, title, url, source, pub_date, pub_precision, pub_source,
		pub_evidence, body, duplicate_of, fingerprint, captions, subheadings, warnings, heading_at, language
		FROM articles WHERE id = $1`, []any{id},
		&seq, &a.ID, &a.Title, &a.URL, &a.Source, &a.Published.Date, &a.Published.Precision, &a.Published.Source,
		&a.Published.Evidence, &a.Body, &a.DuplicateOf, &fp, &captions, &subheadings, &warnings, &headingAt, &a.Language)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if !found {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	a.Fingerprint = uint64(fp)
	for _, j := range []struct {
		s string
		v any
	}{{captions, &a.Captions}, {subheadings, &a.Subheadings}, {warnings, &a.Warnings}, {headingAt, &a.HeadingAt}} {
		if err := json.Unmarshal([]byte(j.s), j.v); err != nil {
			return nil, fmt.Errorf("article %s: decode: %w", id, err)
		}
	}
	if err := b.loadFacts(ctx, seq, a); err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	a.Normalize()
	return a, nil
}

func (b *Base) loadFacts(ctx context.Context, seq int64, a *model.Article) error {
	rows, err := b.DB.Query(ctx, `SELECT idx, start_off, end_off, text FROM sentences WHERE article_seq = $1 ORDER BY idx`, seq)
	if err != nil {
		return fmt.Errorf("sentences: %w", err)
	}
	err = scanAll(rows, func(r Rows) error {
		var s model.Sentence
		if err := r.Scan(&s.Index, &s.Start, &s.End, &s.Text); err != nil {
			return err
		}
		a.Sentences = append(a.Sentences, s)
		return nil
	})
	if err != nil {
		return fmt.Errorf("sentences: %w", err)
	}
	if a.Entities, err = loadJSON[model.Entity](ctx, b.DB, "entities", seq); err != nil {
		return err
	}
	rows, err = b.DB.Query(ctx, `SELECT entity_idx, sentence, start_off, end_off, text FROM mentions
		WHERE article_seq = $1 ORDER BY entity_idx, idx`, seq)
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	err = scanAll(rows, func(r Rows) error {
		var i int
		var m model.Mention
		if err := r.Scan(&i, &m.Sentence, &m.Start, &m.End, &m.Text); err != nil {
			return err
		}
		if i < 0 || i >= len(a.Entities) {
			return fmt.Errorf("mention of unknown entity %d", i)
		}
		a.Entities[i].Mentions = append(a.Entities[i].Mentions, m)
		return nil
	})
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	if a.Quantities, err = loadJSON[model.Quantity](ctx, b.DB, "quantities", seq); err != nil {
		return err
	}
	if a.Times, err = loadJSON[model.Time](ctx, b.DB, "times", seq); err != nil {
		return err
	}
	if a.Quotes, err = loadJSON[model.Quote](ctx, b.DB, "quotes", seq); err != nil {
		return err
	}
	if a.Events, err = loadJSON[model.Event](ctx, b.DB, "events", seq); err != nil {
		return err
	}
	return nil
}

// listPage runs a listing query that asks for limit+1 rows and makes
// the page: scan turns a row into an item and the sort key its cursor
// encodes; the extra row only says there is a next page.
func listPage[T any](ctx context.Context, q Querier, what string, limit int, sql string, args []any,
	scan func(Rows) (T, []any, error)) (store.Page[T], error) {
	page := store.Page[T]{Items: []T{}}
	rows, err := q.Query(ctx, sql+` LIMIT `+strconv.Itoa(limit+1), args...)
	if err != nil {
		return page, fmt.Errorf("%s: %w", what, err)
	}
	var last []any
	err = scanAll(rows, func(r Rows) error {
		item, key, err := scan(r)
		if err != nil {
			return err
		}
		if len(page.Items) < limit {
			page.Items = append(page.Items, item)
			last = key
		} else {
			page.Next = store.EncodeCursor(last...)
		}
		return nil
	})
	if err != nil {
		return page, fmt.Errorf("%s: %w", what, err)
	}
	return page, nil
}

// scanAll calls fn for every row and closes rows.
func scanAll(rows Rows, fn func(Rows) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	rows.Close()
	return rows.Err()
}

// loadJSON decodes the data column of an article's rows of table.
func loadJSON[T any](ctx context.Context, q Querier, table string, seq int64) ([]T, error) {
	rows, err := q.Query(ctx, `SELECT data FROM `+table+` WHERE article_seq = $1 ORDER BY idx`, seq)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", table, err)
	}
	out := []T{}
	err = scanAll(rows, func(r Rows) error {
		var s string
		if err := r.Scan(&s); err != nil {
			return err
		}
		var v T
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", table, err)
	}
	return out, nil
}

// Articles lists article summaries, newest ingest first.
func (b *Base) Articles(ctx context.Context, f store.ArticleFilter) (store.Page[store.ArticleSummary], error) {
	w := &where{d: &b.D}
	// Term by term: an article has every word, wherever each one is.
	for _, t := range store.TextTerms(f.Text) {
		w.add(b.D.ArticleText(w.arg(b.D.TextArg([]string{t}))))
	}
	if f.Since != "" {
		w.add("a.pub_day >= " + w.arg(store.DayOf(f.Since)))
	}
	if f.Until != "" {
		w.add("a.pub_day <> '' AND a.pub_day <= " + w.arg(untilDay(f.Until)))
	}
	if f.Cursor != "" {
		var day string
		var after int64
		if err := store.DecodeCursor(f.Cursor, &day, &after); err != nil {
			return store.Page[store.ArticleSummary]{}, fmt.Errorf("articles: %w", err)
		}
		w.add("(a.pub_day, a.seq) < (" + w.arg(day) + ", " + w.arg(after) + ")")
	}
	// Newest publication first, undated articles (pub_day '') last, each
	// day newest ingest first: index articles_pub_seq.
	return listPage(ctx, b.DB, "articles", store.ClampLimit(f.Limit), `SELECT a.seq, a.pub_day, a.id, a.title, a.url,
		a.source, a.pub_date, a.duplicate_of, a.n_sentences, a.n_entities, a.n_events, a.ingested_at FROM articles a`+w.sql()+
		` ORDER BY a.pub_day DESC, a.seq DESC`, w.args, func(r Rows) (store.ArticleSummary, []any, error) {
		var s store.ArticleSummary
		var seq, ingested int64
		var day string
		var title, url, pub, dup *string
		if err := r.Scan(&seq, &day, &s.ID, &title, &url, &s.Source, &pub, &dup, &s.Sentences, &s.Entities, &s.Events, &ingested); err != nil {
			return s, nil, err
		}
		s.Title, s.URL, s.Published, s.DuplicateOf = model.Deref(title), model.Deref(url), model.Deref(pub), model.Deref(dup)
		s.IngestedAt = time.Unix(0, ingested).UTC()
		return s, []any{day, seq}, nil
	})
}

// untilDay widens an Until bound to the last day it covers, so that
// Until "2024-06" includes June 30th.
func untilDay(v string) string {
	d := store.DayOf(v)
	switch len(v) {
	case 7:
		t, _ := time.Parse("2006-01-02", d)
		return t.AddDate(0, 1, -1).Format("2006-01-02")
	case 4:
		return v + "-12-31"
	case 10:
		return d
	}
	return v
}

// NearDuplicate finds a stored article whose fingerprint is within
// maxDistance bits of fp. Up to 3 bits it looks up candidates sharing a
// 16-bit band (two fingerprints 3 bits apart agree on at least one of
// their four bands), otherwise it scans all fingerprints. A zero
// fingerprint means "none" and matches nothing.
func (b *Base) NearDuplicate(ctx context.Context, fp uint64, maxDistance int) (string, error) {
	if fp == 0 || maxDistance < 0 {
		return "", nil
	}
	var rows Rows
	var err error
	if maxDistance <= 3 {
		bd := fpBands(fp)
		rows, err = b.DB.Query(ctx, `SELECT id, fingerprint FROM articles
			WHERE fp0 = $1 OR fp1 = $2 OR fp2 = $3 OR fp3 = $4 ORDER BY seq`, bd[0], bd[1], bd[2], bd[3])
	} else {
		rows, err = b.DB.Query(ctx, `SELECT id, fingerprint FROM articles WHERE fingerprint <> 0 ORDER BY seq`)
	}
	if err != nil {
		return "", fmt.Errorf("near duplicate: %w", err)
	}
	best, bestD := "", maxDistance+1
	err = scanAll(rows, func(r Rows) error {
		var id string
		var f int64
		if err := r.Scan(&id, &f); err != nil {
			return err
		}
		if d := bits.OnesCount64(uint64(f) ^ fp); d < bestD {
			best, bestD = id, d
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("near duplicate: %w", err)
	}
	return best, nil
}

// cameo matches CAMEO codes starting with p: an equality on the
// two-digit root column (a range for a one-digit p), which the dyad
// indexes and aggregates are ordered by, plus a range on the full-code
// column col, when there is one, for a p finer than a root. events_dyad
// (source, target, root, day, cameo, ...) then seeks by root, keeps day
// order for listings and checks the full code without the table.
func (w *where) cameo(rootCol, col, p string) string {
	var c string
	if len(p) >= 2 {
		c = rootCol + " = " + w.arg(p[:2])
	} else {
		c = w.prefix(rootCol, p)
	}
	if len(p) > 2 && col != "" {
		c += " AND " + w.prefix(col, p)
	}
	return c
}
