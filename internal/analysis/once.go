package analysis

import (
	"context"
	"fmt"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// alertClusters maps each event key of a newly stored article to what
// its alerts are about: the event's cluster (one real-world event and
// all its reports). A near-duplicate article (a syndicated copy, whose
// events may be undated and so unclustered) takes the clusters of the
// article it copies, event by event, matched on source, target and
// CAMEO code. PutAlert keeps one alert per rule and cluster, so a later
// report updates the alert instead of firing it again.
func (e *Engine) alertClusters(ctx context.Context, a *model.Article, events []store.EventRecord) (map[string]string, error) {
	out := make(map[string]string, len(events))
	for _, ev := range events {
		out[ev.Key] = ev.Cluster
		if ev.Cluster == "" {
			out[ev.Key] = ev.Key
		}
	}
	orig := model.Deref(a.DuplicateOf)
	if orig == "" || orig == a.ID {
		return out, nil
	}
	page, err := e.st.Events(ctx, store.EventFilter{ArticleID: orig, Limit: store.MaxLimit})
	if err != nil {
		return nil, fmt.Errorf("events of the original %s: %w", orig, err)
	}
	byAction := map[string]string{}
	for _, o := range page.Items {
		k := actionKey(&o)
		if _, ok := byAction[k]; !ok {
			byAction[k] = o.Cluster
		}
	}
	for _, ev := range events {
		if c, ok := byAction[actionKey(&ev)]; ok && c != "" {
			out[ev.Key] = c
		}
	}
	return out, nil
}

// actionKey identifies an event within an article by who did what to
// whom.
func actionKey(ev *store.EventRecord) string {
	tgt := ""
	if ev.Target != nil {
		tgt = ev.Target.Code
	}
	return ev.Source.Code + "\x00" + tgt + "\x00" + ev.Cameo
}
