package sqlbase

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
)

// likeEscape makes s a literal for LIKE ... ESCAPE '\'.
func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + strings.ToLower(r.Replace(s)) + "%"
}

// Entities lists entities grouped by name, type and code, in that
// order (a stable order, so paging survives inserts).
func (b *Base) Entities(ctx context.Context, f store.EntityFilter) (store.Page[store.EntitySummary], error) {
	var page store.Page[store.EntitySummary]
	w := &where{d: &b.D}
	if f.Name != "" {
		w.add("lower(name) LIKE " + w.arg(likeEscape(f.Name)) + ` ESCAPE '\'`)
	}
	if f.Type != "" {
		w.add("type = " + w.arg(f.Type))
	}
	if f.Code != "" {
		w.add(w.prefix("code", f.Code))
	}
	if f.Cursor != "" {
		var name, typ, code string
		if err := store.DecodeCursor(f.Cursor, &name, &typ, &code); err != nil {
			return page, fmt.Errorf("entities: %w", err)
		}
		w.add("(name, type, code) > (" + w.arg(name) + ", " + w.arg(typ) + ", " + w.arg(code) + ")")
	}
	return listPage(ctx, b.DB, "entities", store.ClampLimit(f.Limit), `SELECT name, type, code, country,
		lat, lon, articles, mentions FROM entity_names`+w.sql()+` ORDER BY name, type, code`, w.args, func(r Rows) (store.EntitySummary, []any, error) {
		var s store.EntitySummary
		err := r.Scan(&s.Name, &s.Type, &s.Code, &s.Country, &s.Lat, &s.Lon, &s.Articles, &s.Mentions)
		return s, []any{s.Name, s.Type, s.Code}, err
	})
}

// Quotes lists quotes in the order they were stored.
func (b *Base) Quotes(ctx context.Context, f store.QuoteFilter) (store.Page[store.QuoteRecord], error) {
	var page store.Page[store.QuoteRecord]
	w := &where{d: &b.D}
	if f.Speaker != "" {
		w.add("lower(q.speaker_name) LIKE " + w.arg(likeEscape(f.Speaker)) + ` ESCAPE '\'`)
	}
	if f.ArticleID != "" {
		w.add("a.id = " + w.arg(f.ArticleID))
	}
	if f.Text != "" {
		w.add("lower(q.text) LIKE " + w.arg(likeEscape(f.Text)) + ` ESCAPE '\'`)
	}
	if f.Cursor != "" {
		var after int64
		if err := store.DecodeCursor(f.Cursor, &after); err != nil {
			return page, fmt.Errorf("quotes: %w", err)
		}
		w.add("q.seq > " + w.arg(after))
	}
	return listPage(ctx, b.DB, "quotes", store.ClampLimit(f.Limit), `SELECT q.seq, q.data, a.id, q.speaker_name,
		q.speaker_code FROM quotes q JOIN articles a ON a.seq = q.article_seq`+w.sql()+` ORDER BY q.seq`, w.args,
		func(r Rows) (store.QuoteRecord, []any, error) {
			var q store.QuoteRecord
			var seq int64
			var data string
			if err := r.Scan(&seq, &data, &q.ArticleID, &q.SpeakerName, &q.SpeakerCode); err != nil {
				return q, nil, err
			}
			return q, []any{seq}, json.Unmarshal([]byte(data), &q.Quote)
		})
}

// Timeline sums the daily dyad aggregates into day or week buckets
// (dyad_daily_cc when both prefixes are at most a country code long). A
// CAMEO prefix of up to two digits filters the aggregates' root column;
// a longer one is finer than the aggregates, so the events table is
// summed instead. Buckets between the first and the last non-empty one
// are filled with zeros so a chart or a baseline sees the quiet days.
func (b *Base) Timeline(ctx context.Context, q store.TimelineQuery) ([]store.TimelinePoint, error) {
	week := false
	switch q.Interval {
	case "", "day":
	case "week":
		week = true
	default:
		return nil, fmt.Errorf("timeline: unknown interval %q (want day or week)", q.Interval)
	}
	w := &where{d: &b.D}
	table, count, sum := "dyad_daily", "CAST(SUM(n) AS BIGINT)", "SUM(goldstein_sum)"
	cameoCol := ""
	if len(q.A) <= countryLen && len(q.B) <= countryLen {
		table = "dyad_daily_cc" // a prefix this short matches the country part alone
	}
	actor, roles := singleCountry(q)
	switch {
	case len(q.Code) > 2:
		table, count, sum = "events", "COUNT(*)", "SUM(goldstein)"
		cameoCol = "cameo"
		w.add("day <> ''")
	case actor != "":
		table = "actor_daily_cc"
		w.add("actor = " + w.arg(actor) + " AND role IN (" + roles + ")")
	}
	if actor == "" && (q.A != "" || q.B != "") {
		w.add(w.dyadEither("source_code", "target_code", q.A, q.B, q.Directed))
	}
	if q.Code != "" {
		w.add(w.cameo("cameo_root", cameoCol, q.Code))
	}
	if q.Since != "" {
		w.add("day >= " + w.arg(store.DayOf(q.Since)))
	}
	if q.Until != "" {
		w.add("day <= " + w.arg(untilDay(q.Until)))
	}
	rows, err := b.DB.Query(ctx, `SELECT day, quad_class, `+count+`, `+sum+` FROM `+table+w.sql()+
		` GROUP BY day, quad_class`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	buckets := map[string]*store.TimelinePoint{}
	err = scanAll(rows, func(r Rows) error {
		var day string
		var quad, n int
		var gs float64
		if err := r.Scan(&day, &quad, &n, &gs); err != nil {
			return err
		}
		key := day
		if week {
			key = store.WeekOf(day)
		}
		p := buckets[key]
		if p == nil {
			p = &store.TimelinePoint{Bucket: key}
			buckets[key] = p
		}
		p.Count += n
		if quad >= 1 && quad <= 4 {
			p.Quad[quad-1] += n
		}
		p.Goldstein += gs
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return fillTimeline(buckets, week), nil
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

func fillTimeline(buckets map[string]*store.TimelinePoint, week bool) []store.TimelinePoint {
	keys := make([]string, 0, len(buckets))
	for k, p := range buckets {
		keys = append(keys, k)
		if p.Count > 0 {
			p.Index = p.Goldstein / float64(p.Count)
		}
	}
	sort.Strings(keys)
	out := make([]store.TimelinePoint, 0, len(keys))
	step := 1
	if week {
		step = 7
	}
	for i, k := range keys {
		out = append(out, *buckets[k])
		if i+1 == len(keys) {
			break
		}
		// Zero buckets up to the next non-empty one.
		t, err := time.Parse("2006-01-02", k)
		if err != nil {
			continue
		}
		for {
			t = t.AddDate(0, 0, step)
			d := t.Format("2006-01-02")
			if d >= keys[i+1] {
				break
			}
			out = append(out, store.TimelinePoint{Bucket: d})
		}
	}
	return out
}

// AddAlertRule stores r and returns it with its ID and creation time.
func (b *Base) AddAlertRule(ctx context.Context, r store.AlertRule) (store.AlertRule, error) {
	switch r.Kind {
	case store.RuleNewEvent, store.RuleSigma, store.RuleFirstEvent:
	default:
		return r, fmt.Errorf("add alert rule: unknown kind %q", r.Kind)
	}
	r.Created = b.now()
	_, err := queryRow(ctx, b.DB, `INSERT INTO alert_rules (name, kind, source, target, code, k, window_days, webhook, created)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		[]any{r.Name, r.Kind, r.Source, r.Target, r.Code, r.K, r.Window, r.Webhook, r.Created.UnixNano()}, &r.ID)
	if err != nil {
		return r, fmt.Errorf("add alert rule: %w", err)
	}
	return r, nil
}

// AlertRules lists all rules by ID.
func (b *Base) AlertRules(ctx context.Context) ([]store.AlertRule, error) {
	rows, err := b.DB.Query(ctx, `SELECT id, name, kind, source, target, code, k, window_days, webhook, created
		FROM alert_rules ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("alert rules: %w", err)
	}
	out := []store.AlertRule{}
	err = scanAll(rows, func(r Rows) error {
		var a store.AlertRule
		var created int64
		if err := r.Scan(&a.ID, &a.Name, &a.Kind, &a.Source, &a.Target, &a.Code, &a.K, &a.Window, &a.Webhook, &created); err != nil {
			return err
		}
		a.Created = time.Unix(0, created).UTC()
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("alert rules: %w", err)
	}
	return out, nil
}

// DeleteAlertRule removes a rule; its fired alerts stay.
func (b *Base) DeleteAlertRule(ctx context.Context, id int64) error {
	var got int64
	found, err := queryRow(ctx, b.DB, `DELETE FROM alert_rules WHERE id = $1 RETURNING id`, []any{id}, &got)
	if err != nil {
		return fmt.Errorf("delete alert rule %d: %w", id, err)
	}
	if !found {
		return fmt.Errorf("delete alert rule %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// PutAlert stores a fired alert; a zero FiredAt is set to now.
func (b *Base) PutAlert(ctx context.Context, a store.Alert) (store.Alert, error) {
	if a.FiredAt.IsZero() {
		a.FiredAt = b.now()
	}
	a.FiredAt = a.FiredAt.UTC()
	_, err := queryRow(ctx, b.DB, `INSERT INTO alerts (rule_id, rule_name, fired_at, message, event_key)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		[]any{a.RuleID, a.RuleName, a.FiredAt.UnixNano(), a.Message, a.EventKey}, &a.ID)
	if err != nil {
		return a, fmt.Errorf("put alert: %w", err)
	}
	return a, nil
}

// Alerts lists fired alerts after afterID, oldest first.
func (b *Base) Alerts(ctx context.Context, afterID int64, limit int) ([]store.Alert, error) {
	rows, err := b.DB.Query(ctx, `SELECT id, rule_id, rule_name, fired_at, message, event_key FROM alerts
		WHERE id > $1 ORDER BY id LIMIT `+strconv.Itoa(store.ClampLimit(limit)), afterID)
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	out := []store.Alert{}
	err = scanAll(rows, func(r Rows) error {
		var a store.Alert
		var fired int64
		if err := r.Scan(&a.ID, &a.RuleID, &a.RuleName, &fired, &a.Message, &a.EventKey); err != nil {
			return err
		}
		a.FiredAt = time.Unix(0, fired).UTC()
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	return out, nil
}

// Stats counts stored records; Entities counts per-article entities.
func (b *Base) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	_, err := queryRow(ctx, b.DB, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events),
		(SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM alerts)`, nil,
		&s.Articles, &s.Events, &s.Entities, &s.Quotes, &s.Alerts)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}
