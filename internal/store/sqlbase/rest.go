package sqlbase

import (
	"context"
	"encoding/json"
	"fmt"
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

// AddAlertRule stores r and returns it with its ID and creation time.
func (b *Base) AddAlertRule(ctx context.Context, r store.AlertRule) (store.AlertRule, error) {
	switch r.Kind {
	case store.RuleNewEvent, store.RuleSigma, store.RuleFirstEvent:
	default:
		return r, fmt.Errorf("add alert rule: unknown kind %q", r.Kind)
	}
	r.Created = b.now()
	_, err := queryRow(ctx, b.DB, `INSERT INTO alert_rules (name, kind, source, target, code, k, window_days, webhook, created, paused)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		[]any{r.Name, r.Kind, r.Source, r.Target, r.Code, r.K, r.Window, r.Webhook, r.Created.UnixNano(), boolInt(r.Paused)}, &r.ID)
	if err != nil {
		return r, fmt.Errorf("add alert rule: %w", err)
	}
	return r, nil
}

// AlertRules lists all rules by ID.
func (b *Base) AlertRules(ctx context.Context) ([]store.AlertRule, error) {
	rows, err := b.DB.Query(ctx, `SELECT id, name, kind, source, target, code, k, window_days, webhook, created, paused
		FROM alert_rules ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("alert rules: %w", err)
	}
	out := []store.AlertRule{}
	err = scanAll(rows, func(r Rows) error {
		var a store.AlertRule
		var created, paused int64
		if err := r.Scan(&a.ID, &a.Name, &a.Kind, &a.Source, &a.Target, &a.Code, &a.K, &a.Window, &a.Webhook, &created, &paused); err != nil {
			return err
		}
		a.Paused = paused != 0
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

// PauseAlertRule pauses or resumes a rule.
func (b *Base) PauseAlertRule(ctx context.Context, id int64, paused bool) error {
	var got int64
	found, err := queryRow(ctx, b.DB, `UPDATE alert_rules SET paused = $1 WHERE id = $2 RETURNING id`,
		[]any{boolInt(paused), id}, &got)
	if err != nil {
		return fmt.Errorf("pause alert rule %d: %w", id, err)
	}
	if !found {
		return fmt.Errorf("pause alert rule %d: %w", id, store.ErrNotFound)
	}
	return nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// PutAlert stores a fired alert; a zero FiredAt is set to now. An alert
// whose rule already has one for the same non-empty Cluster is not added:
// that alert counts one more report and is returned with Updated set.
func (b *Base) PutAlert(ctx context.Context, a store.Alert) (store.Alert, error) {
	if a.FiredAt.IsZero() {
		a.FiredAt = b.now()
	}
	a.FiredAt = a.FiredAt.UTC()
	if a.Cluster != "" {
		var old store.Alert
		var fired, updated int64
		found, err := queryRow(ctx, b.DB, `UPDATE alerts SET reports = reports + 1, updated_at = $1, last_event_key = $2
			WHERE rule_id = $3 AND cluster = $4
			RETURNING id, rule_id, rule_name, fired_at, message, event_key, cluster, reports, updated_at, last_event_key`,
			[]any{a.FiredAt.UnixNano(), a.EventKey, a.RuleID, a.Cluster},
			&old.ID, &old.RuleID, &old.RuleName, &fired, &old.Message, &old.EventKey, &old.Cluster, &old.Reports, &updated, &old.LastEventKey)
		if err != nil {
			return a, fmt.Errorf("put alert: %w", err)
		}
		if found {
			old.FiredAt = time.Unix(0, fired).UTC()
			u := time.Unix(0, updated).UTC()
			old.UpdatedAt, old.Updated = &u, true
			return old, nil
		}
	}
	a.Reports = 1
	tx, err := b.DB.Begin(ctx)
	if err != nil {
		return a, fmt.Errorf("put alert: %w", err)
	}
	if _, err = queryRow(ctx, tx, `INSERT INTO alerts (rule_id, rule_name, fired_at, message, event_key, cluster)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		[]any{a.RuleID, a.RuleName, a.FiredAt.UnixNano(), a.Message, a.EventKey, a.Cluster}, &a.ID); err == nil {
		err = b.addCounts(ctx, tx, storeCounts{alerts: 1})
	}
	if err == nil {
		err = tx.Commit(ctx)
	}
	if err != nil {
		_ = tx.Rollback(context.WithoutCancel(ctx))
		return a, fmt.Errorf("put alert: %w", err)
	}
	return a, nil
}

// Alerts lists fired alerts after afterID, oldest first.
func (b *Base) Alerts(ctx context.Context, afterID int64, limit int) ([]store.Alert, error) {
	rows, err := b.DB.Query(ctx, `SELECT id, rule_id, rule_name, fired_at, message, event_key, cluster, reports,
		updated_at, last_event_key FROM alerts WHERE id > $1 ORDER BY id LIMIT `+strconv.Itoa(store.ClampLimit(limit)), afterID)
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	out := []store.Alert{}
	err = scanAll(rows, func(r Rows) error {
		var a store.Alert
		var fired, updated int64
		if err := r.Scan(&a.ID, &a.RuleID, &a.RuleName, &fired, &a.Message, &a.EventKey, &a.Cluster, &a.Reports,
			&updated, &a.LastEventKey); err != nil {
			return err
		}
		a.FiredAt = time.Unix(0, fired).UTC()
		if updated != 0 {
			u := time.Unix(0, updated).UTC()
			a.UpdatedAt = &u
		}
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
	rows, err := b.DB.Query(ctx, `SELECT name, n FROM store_counts`)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	err = scanAll(rows, func(r Rows) error {
		var name string
		var n int
		if err := r.Scan(&name, &n); err != nil {
			return err
		}
		switch name {
		case "alerts":
			s.Alerts = n
		case "articles":
			s.Articles = n
		case "entities":
			s.Entities = n
		case "events":
			s.Events = n
		case "quotes":
			s.Quotes = n
		}
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

// storeCounts are rows a transaction added, kept in store_counts for
// Stats.
type storeCounts struct{ alerts, articles, entities, events, quotes int }

// addCounts adds c to store_counts, in one statement (its rows locked in
// one order by every writer).
func (b *Base) addCounts(ctx context.Context, q Querier, c storeCounts) error {
	if err := q.Exec(ctx, `UPDATE store_counts SET n = n + CASE name WHEN 'alerts' THEN $1 WHEN 'articles' THEN $2
		WHEN 'entities' THEN $3 WHEN 'events' THEN $4 WHEN 'quotes' THEN $5 ELSE 0 END`,
		c.alerts, c.articles, c.entities, c.events, c.quotes); err != nil {
		return fmt.Errorf("update store_counts: %w", err)
	}
	return nil
}
