package analysis

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// memStore is an in-memory store.Store with just what the engine calls.
// It implements the contract's filter semantics plainly (linear scans)
// so the engine's logic can be tested without a database.
type memStore struct {
	store.Store // nil: any method the engine does not use panics
	mu          sync.Mutex
	events      []store.EventRecord
	articles    map[string]bool
	rules       []store.AlertRule
	alerts      []store.Alert
}

func newMemStore(t testing.TB) store.Store {
	return &memStore{articles: map[string]bool{}}
}

func (m *memStore) Close() error { return nil }

func (m *memStore) PutArticle(_ context.Context, a *model.Article) (store.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.articles[a.ID] {
		return store.PutResult{}, nil
	}
	m.articles[a.ID] = true
	m.events = append(m.events, recordsOf(a)...)
	slices.SortStableFunc(m.events, func(a, b store.EventRecord) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Key, b.Key))
	})
	return store.PutResult{Inserted: true, Events: len(a.Events)}, nil
}

func tgt(r *store.EventRecord) string {
	if r.Target == nil {
		return ""
	}
	return r.Target.Code
}

func (m *memStore) match(f store.EventFilter, r *store.EventRecord) bool {
	dir := strings.HasPrefix(r.Source.Code, f.Source) && (f.Target == "" || strings.HasPrefix(tgt(r), f.Target) && r.Target != nil)
	rev := f.Undirected && r.Target != nil && strings.HasPrefix(tgt(r), f.Source) && (f.Target == "" || strings.HasPrefix(r.Source.Code, f.Target))
	switch {
	case !dir && !rev,
		!strings.HasPrefix(r.Cameo, f.Code),
		f.ArticleID != "" && r.ArticleID != f.ArticleID,
		f.Since != "" && (r.Day == "" || r.Day < f.Since),
		f.Until != "" && (r.Day == "" || r.Day > f.Until):
		return false
	}
	return true
}

func (m *memStore) Events(_ context.Context, f store.EventFilter) (store.Page[store.EventRecord], error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	start := 0
	if f.Cursor != "" {
		var err error
		if start, err = strconv.Atoi(f.Cursor); err != nil {
			return store.Page[store.EventRecord]{}, fmt.Errorf("bad cursor: %w", err)
		}
	}
	limit := store.ClampLimit(f.Limit)
	var p store.Page[store.EventRecord]
	for i := start; i < len(m.events); i++ {
		if !m.match(f, &m.events[i]) {
			continue
		}
		if len(p.Items) == limit {
			p.Next = strconv.Itoa(i)
			break
		}
		p.Items = append(p.Items, m.events[i])
	}
	return p, nil
}

func (m *memStore) Timeline(_ context.Context, q store.TimelineQuery) ([]store.TimelinePoint, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f := store.EventFilter{Source: q.A, Target: q.B, Undirected: !q.Directed, Code: q.Code, Since: q.Since, Until: q.Until}
	var out []store.TimelinePoint
	for i := range m.events {
		r := &m.events[i]
		if r.Day == "" || !m.match(f, r) {
			continue
		}
		b := r.Day
		if q.Interval == "week" {
			b = store.WeekOf(b)
		}
		if len(out) == 0 || out[len(out)-1].Bucket != b {
			out = append(out, store.TimelinePoint{Bucket: b})
		}
		p := &out[len(out)-1]
		p.Count++
		if r.QuadClass >= 1 && r.QuadClass <= 4 {
			p.Quad[r.QuadClass-1]++
		}
		p.Goldstein += r.Goldstein
		p.Index = p.Goldstein / float64(p.Count)
	}
	return out, nil
}

func (m *memStore) AddAlertRule(_ context.Context, r store.AlertRule) (store.AlertRule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r.ID = int64(len(m.rules) + 1)
	m.rules = append(m.rules, r)
	return r, nil
}

func (m *memStore) AlertRules(context.Context) ([]store.AlertRule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.rules), nil
}

func (m *memStore) PutAlert(_ context.Context, a store.Alert) (store.Alert, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a.Cluster != "" {
		for i := range m.alerts {
			if o := &m.alerts[i]; o.RuleID == a.RuleID && o.Cluster == a.Cluster {
				o.Reports++
				o.LastEventKey = a.EventKey
				out := *o
				out.Updated = true
				return out, nil
			}
		}
	}
	a.ID = int64(len(m.alerts) + 1)
	a.Reports = 1
	m.alerts = append(m.alerts, a)
	return a, nil
}

func (m *memStore) Alerts(_ context.Context, after int64, limit int) ([]store.Alert, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []store.Alert
	for _, a := range m.alerts {
		if a.ID > after && len(out) < limit {
			out = append(out, a)
		}
	}
	return out, nil
}
