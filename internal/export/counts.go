package export

import (
	"context"
	"net/url"

	"github.com/sitrep-project/sitrep/internal/store"
)

// clusterCounts answers GDELT's NumMentions, NumSources and NumArticles
// for an event's cluster (one real-world event, all its reports), one
// query per cluster, cached: the reports of a cluster are exported close
// together in date order.
type clusterCounts struct {
	ctx   context.Context
	st    store.Store
	cache map[string]counts
}

// counts are a cluster's reports (mentions), distinct sources (URL
// hosts, else input names) and distinct articles.
type counts struct{ mentions, sources, articles int }

// maxCached bounds the cache; it is dropped whole when full.
const maxCached = 4096

func newClusterCounts(ctx context.Context, st store.Store) *clusterCounts {
	return &clusterCounts{ctx: ctx, st: st, cache: map[string]counts{}}
}

// of returns the counts of r's cluster, at least 1 each.
func (c *clusterCounts) of(r *store.EventRecord) (counts, error) {
	id := r.Cluster
	if id == "" {
		return counts{1, 1, 1}, nil
	}
	if n, ok := c.cache[id]; ok {
		return n, nil
	}
	if len(c.cache) >= maxCached {
		clear(c.cache)
	}
	var n counts
	sources, articles := map[string]bool{}, map[string]bool{}
	err := c.st.EachEvent(c.ctx, store.EventFilter{Cluster: id}, func(e store.EventRecord) error {
		n.mentions++
		articles[e.ArticleID] = true
		sources[sourceOf(&e)] = true
		return nil
	})
	if err != nil {
		return n, err
	}
	n.sources, n.articles = len(sources), len(articles)
	n = counts{max(n.mentions, 1), max(n.sources, 1), max(n.articles, 1)}
	c.cache[id] = n
	return n, nil
}

// sourceOf names an event's publisher: its article URL's host, else the
// input it was read from, else the article.
func sourceOf(e *store.EventRecord) string {
	for _, s := range []string{e.ArticleURL, e.ArticleSource} {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			return u.Host
		}
	}
	if e.ArticleSource != "" {
		return e.ArticleSource
	}
	return e.ArticleID
}

// sourceURL is GDELT's SOURCEURL: the article URL, else its source when
// that is a URL, else the article id (never empty).
func sourceURL(e *store.EventRecord) string {
	for _, s := range []string{e.ArticleURL, e.ArticleSource} {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return s
		}
	}
	return e.ArticleID
}
