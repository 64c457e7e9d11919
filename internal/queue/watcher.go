package queue

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// FetchFunc fetches a feed and returns its items as documents. A Doc
// should carry the item's GUID (or, failing that, its link) in ID, so an
// item is recognised even if its text is edited; without ID the item is
// identified by the hash of its Data.
type FetchFunc func(ctx context.Context, url string) ([]Doc, error)

// Watcher polls feeds and publishes their new items.
//
// Deduplication is two-level: the watcher remembers the item ids of each
// feed's last poll and skips them without a round trip, and every item
// is published with the JetStream message id MsgID(doc), so an item seen
// again after a restart (or by a second watcher) within the stream's
// dedup window is dropped by the server. Beyond the window, idempotent
// PutArticle keeps the store clean.
type Watcher struct {
	pub *Publisher
	m   *Metrics
	log *slog.Logger

	mu   sync.Mutex
	seen map[string]map[string]bool // feed URL -> ids of its last poll
}

// NewWatcher returns a watcher publishing through p; it counts into p's
// metrics (see Publisher.WithMetrics). log may be nil (p's logger).
func NewWatcher(p *Publisher, log *slog.Logger) *Watcher {
	if log == nil {
		log = p.log
	}
	return &Watcher{pub: p, m: p.m, log: log.With("component", "queue-watcher"), seen: map[string]map[string]bool{}}
}

// Poll polls every feed now and then every interval until ctx is
// cancelled, when it returns nil. A feed that fails to fetch is logged,
// counted (failures_total{stage="fetch"}) and retried next round; it does
// not stop the others.
func (w *Watcher) Poll(ctx context.Context, feeds []string, interval time.Duration, fetch FetchFunc) error {
	if interval <= 0 {
		return fmt.Errorf("poll: interval %v must be positive", interval)
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		n, err := w.PollOnce(ctx, feeds, fetch)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			w.log.Warn("feed poll incomplete", "err", err)
		}
		w.log.Info("feeds polled", "feeds", len(feeds), "published", n)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// PollOnce fetches every feed once and publishes the items not seen in
// that feed's previous poll. It returns how many items were new to the
// stream, and the first error (fetch or publish) met; it still goes on
// with the remaining feeds and items after an error.
func (w *Watcher) PollOnce(ctx context.Context, feeds []string, fetch FetchFunc) (int, error) {
	published := 0
	var first error
	keep := func(err error) {
		if first == nil {
			first = err
		}
	}
	for _, feed := range feeds {
		if ctx.Err() != nil {
			return published, ctx.Err()
		}
		start := time.Now()
		docs, err := fetch(ctx, feed)
		w.m.Observe(StageFetch, time.Since(start))
		if err != nil {
			w.m.Fail(StageFetch)
			w.log.Warn("feed fetch failed", "feed", feed, "err", err)
			keep(fmt.Errorf("fetch feed %s: %w", feed, err))
			continue
		}
		w.mu.Lock()
		prev := w.seen[feed]
		w.mu.Unlock()
		cur := make(map[string]bool, len(docs))
		for _, d := range docs {
			// Not d.Source: fetchers often set it to the feed's
			// URL, which is the same for every item.
			key := MsgID(d)
			if prev[key] {
				cur[key] = true
				continue
			}
			dup, err := w.pub.publish(ctx, d)
			if err != nil {
				// Not remembered: the next poll tries again.
				w.log.Warn("feed item publish failed", "feed", feed, "item", docLabel(d), "err", err)
				keep(err)
				continue
			}
			cur[key] = true
			if !dup {
				published++
				w.log.Debug("feed item published", "feed", feed, "item", docLabel(d))
			}
		}
		// Only the latest poll's ids are kept: memory stays bounded
		// by feed size, and an item that left the feed and came back
		// is caught by the stream's dedup window.
		w.mu.Lock()
		w.seen[feed] = cur
		w.mu.Unlock()
	}
	return published, first
}
