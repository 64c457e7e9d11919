package analysis

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Options configures an Engine.
type Options struct {
	// HTTPClient delivers webhooks. Nil means a client built for the
	// purpose: it re-checks every address at connect time and ignores
	// proxies. A client given here keeps its own transport (the
	// connect-time check is then the caller's business); redirects are
	// checked either way.
	HTTPClient *http.Client
	// WebhookRetries is how many times a failed delivery is retried.
	WebhookRetries int
	// WebhookBackoff is the wait before the first retry; it doubles
	// with each further retry.
	WebhookBackoff time.Duration
	// AllowPrivateWebhooks lets webhooks reach loopback, private and
	// link-local addresses (intranet receivers, tests).
	AllowPrivateWebhooks bool
	// Now stamps fired alerts.
	Now func() time.Time

	// SigmaMinDays is the shortest baseline a sigma rule uses: a rule
	// whose Window is shorter (or unset) uses this many days.
	SigmaMinDays int
	// SigmaMinEvents is how many events the baseline window must hold
	// before a sigma rule may fire: an empty or nearly empty history
	// says nothing about what is normal, so the first events of a dyad
	// never fire sigma (first_event exists for that).
	SigmaMinEvents int
	// SigmaCountFloor is the least standard deviation assumed for daily
	// counts (events per day). A dyad with exactly one event every day
	// has sd 0; without a floor a second event would be an infinite
	// departure.
	SigmaCountFloor float64
	// SigmaIndexFloor is the least standard deviation assumed for the
	// daily Goldstein index (Goldstein points).
	SigmaIndexFloor float64
	// SigmaIndexMinDays is how many baseline days with events the index
	// test needs: the index of an empty day is undefined, so its
	// baseline uses active days only.
	SigmaIndexMinDays int
	// DeliveryConcurrency bounds parallel webhook deliveries per Check.
	DeliveryConcurrency int
	// WebhookMetrics counts deliveries by result (nil: unregistered).
	WebhookMetrics *WebhookMetrics
}

// DefaultOptions returns the options sitrep runs with.
func DefaultOptions() Options {
	return Options{
		WebhookRetries:      3,
		WebhookBackoff:      500 * time.Millisecond,
		Now:                 time.Now,
		SigmaMinDays:        7,
		SigmaMinEvents:      3,
		SigmaCountFloor:     1,
		SigmaIndexFloor:     1,
		SigmaIndexMinDays:   3,
		DeliveryConcurrency: 4,
	}
}

// Engine evaluates alert rules against newly stored articles.
type Engine struct {
	st     store.Store
	opts   Options
	log    *slog.Logger
	client *http.Client
	hooks  *hookState
}

// NewEngine returns an engine over st. Zero option fields take their
// defaults; a nil logger discards.
func NewEngine(st store.Store, opts Options, log *slog.Logger) *Engine {
	def := DefaultOptions()
	if opts.WebhookRetries < 0 {
		opts.WebhookRetries = 0
	}
	if opts.WebhookBackoff <= 0 {
		opts.WebhookBackoff = def.WebhookBackoff
	}
	if opts.Now == nil {
		opts.Now = def.Now
	}
	if opts.SigmaMinDays <= 0 {
		opts.SigmaMinDays = def.SigmaMinDays
	}
	if opts.SigmaMinEvents <= 0 {
		opts.SigmaMinEvents = def.SigmaMinEvents
	}
	if opts.SigmaCountFloor <= 0 {
		opts.SigmaCountFloor = def.SigmaCountFloor
	}
	if opts.SigmaIndexFloor <= 0 {
		opts.SigmaIndexFloor = def.SigmaIndexFloor
	}
	if opts.SigmaIndexMinDays <= 0 {
		opts.SigmaIndexMinDays = def.SigmaIndexMinDays
	}
	if opts.DeliveryConcurrency <= 0 {
		opts.DeliveryConcurrency = def.DeliveryConcurrency
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Engine{
		st:     st,
		opts:   opts,
		log:    log,
		client: newWebhookClient(opts.HTTPClient, opts.AllowPrivateWebhooks),
		hooks:  newHookState(opts.WebhookMetrics),
	}
}

// fired is an alert before it is stored, with what its webhook needs.
type fired struct {
	rule  store.AlertRule
	alert store.Alert
	event store.EventRecord
}

// Check evaluates every stored rule against the events of a newly stored
// article (call it after PutArticle reported Inserted=true), stores the
// fired alerts with PutAlert and POSTs each to its rule's webhook.
// Webhook failures are logged, never returned. A store error on one rule
// does not stop the others: Check returns the alerts it stored together
// with the joined errors.
func (e *Engine) Check(ctx context.Context, a *model.Article) ([]store.Alert, error) {
	rules, err := e.st.AlertRules(ctx)
	if err != nil {
		return nil, fmt.Errorf("check alerts for %s: load rules: %w", a.ID, err)
	}
	if len(rules) == 0 {
		return nil, nil
	}
	events, err := e.articleEvents(ctx, a)
	if err != nil {
		return nil, fmt.Errorf("check alerts for %s: %w", a.ID, err)
	}
	if len(events) == 0 {
		return nil, nil
	}
	clusters, err := e.alertClusters(ctx, a, events)
	if err != nil {
		return nil, fmt.Errorf("check alerts for %s: %w", a.ID, err)
	}
	var (
		hits []fired
		errs []error
	)
	for _, r := range rules {
		if err := ctx.Err(); err != nil {
			errs = append(errs, err)
			break
		}
		if r.Paused {
			continue
		}
		var h []fired
		var err error
		switch r.Kind {
		case store.RuleNewEvent:
			h = e.newEvent(r, events)
		case store.RuleFirstEvent:
			h, err = e.firstEvent(ctx, r, a.ID, events)
		case store.RuleSigma:
			h, err = e.sigma(ctx, r, events)
		default:
			e.log.Warn("alert rule of unknown kind skipped", "rule", r.ID, "name", r.Name, "kind", r.Kind)
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %d (%s): %w", r.ID, r.Name, err))
		}
		hits = append(hits, h...)
	}
	var out []store.Alert
	var deliver []fired
	for _, h := range hits {
		if h.alert.Cluster == "" {
			h.alert.Cluster = clusters[h.event.Key]
		}
		stored, err := e.st.PutAlert(ctx, h.alert)
		if err != nil {
			errs = append(errs, fmt.Errorf("store alert of rule %d: %w", h.rule.ID, err))
			continue
		}
		if stored.Updated {
			continue // a later report of an event already alerted on
		}
		h.alert = stored
		out = append(out, stored)
		if h.rule.Webhook != "" {
			deliver = append(deliver, h)
		}
	}
	e.deliverAll(ctx, deliver)
	if len(errs) > 0 {
		return out, fmt.Errorf("check alerts for %s: %w", a.ID, errors.Join(errs...))
	}
	return out, nil
}

// deliverAll posts the webhooks, a few at a time, and logs failures.
func (e *Engine) deliverAll(ctx context.Context, hits []fired) {
	if len(hits) == 0 {
		return
	}
	sem := make(chan struct{}, e.opts.DeliveryConcurrency)
	var wg sync.WaitGroup
	for _, h := range hits {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			ev := h.event
			err := e.deliver(ctx, h.rule.Webhook, Payload{Alert: h.alert, Rule: h.rule, Event: &ev})
			e.hooks.delivered(e.log, h.rule, h.alert.ID, err)
		})
	}
	wg.Wait()
}

// articleEvents returns the stored events of the article. It falls back
// to the article's own events when the store returned none (a store
// that indexes events asynchronously), deriving day and key as the
// store contract defines them.
func (e *Engine) articleEvents(ctx context.Context, a *model.Article) ([]store.EventRecord, error) {
	var out []store.EventRecord
	f := store.EventFilter{ArticleID: a.ID, Limit: store.MaxLimit}
	for {
		page, err := e.st.Events(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("load events: %w", err)
		}
		out = append(out, page.Items...)
		if page.Next == "" || len(page.Items) == 0 {
			break
		}
		f.Cursor = page.Next
	}
	if len(out) > 0 {
		return out, nil
	}
	return recordsOf(a), nil
}

// recordsOf derives an article's event records the way the store
// contract defines them (day, key, names, sentence; each event its own
// cluster).
func recordsOf(a *model.Article) []store.EventRecord {
	names := make(map[string]string, len(a.Entities))
	for _, en := range a.Entities {
		names[en.ID] = en.Name
	}
	out := make([]store.EventRecord, 0, len(a.Events))
	for _, ev := range a.Events {
		r := store.EventRecord{
			Event:      ev,
			ArticleID:  a.ID,
			SourceName: names[model.Deref(ev.Source.Entity)],
			Day:        store.EventDay(&ev),
			Key:        a.ID + ":" + ev.ID,
		}
		if ev.Target != nil {
			r.TargetName = names[model.Deref(ev.Target.Entity)]
		}
		if ev.Sentence >= 0 && ev.Sentence < len(a.Sentences) {
			r.SentenceText = a.Sentences[ev.Sentence].Text
			r.SentenceStart = a.Sentences[ev.Sentence].Start
		}
		r.Cluster = r.Key
		out = append(out, r)
	}
	return out
}

// matches reports whether ev fits the rule's prefixes.
func matches(r store.AlertRule, ev *store.EventRecord) bool {
	if !strings.HasPrefix(ev.Source.Code, r.Source) || !strings.HasPrefix(ev.Cameo, r.Code) {
		return false
	}
	if r.Target == "" {
		return true
	}
	return ev.Target != nil && strings.HasPrefix(ev.Target.Code, r.Target)
}

// describe is the human line of an alert about one event.
func describe(ev *store.EventRecord) string {
	side := func(code, name string) string {
		switch {
		case code == "" && name == "":
			return "?"
		case name == "":
			return code
		case code == "":
			return name
		}
		return name + " (" + code + ")"
	}
	var b strings.Builder
	b.WriteString(side(ev.Source.Code, ev.SourceName))
	b.WriteString(" → ")
	if ev.Target != nil {
		b.WriteString(side(ev.Target.Code, ev.TargetName))
	} else {
		b.WriteString("—")
	}
	fmt.Fprintf(&b, " CAMEO %s (Goldstein %+.1f, %s)", ev.Cameo, ev.Goldstein, ev.Modality)
	if ev.Day != "" {
		b.WriteString(" on " + ev.Day)
	}
	if s := strings.Join(strings.Fields(ev.SentenceText), " "); s != "" {
		const max = 240
		if len(s) > max {
			cut := max
			for cut > 0 && !utf8RuneStart(s[cut]) {
				cut--
			}
			s = s[:cut] + "…"
		}
		b.WriteString(": " + s)
	}
	return b.String()
}

// utf8RuneStart reports whether b begins a UTF-8 sequence, so a cut there
// keeps the string valid.
func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func (e *Engine) alert(r store.AlertRule, ev *store.EventRecord, msg string) fired {
	return fired{
		rule:  r,
		event: *ev,
		alert: store.Alert{
			RuleID:   r.ID,
			RuleName: r.Name,
			FiredAt:  e.opts.Now().UTC(),
			Message:  msg,
			EventKey: ev.Key,
		},
	}
}

// newEvent fires once per matching event.
func (e *Engine) newEvent(r store.AlertRule, events []store.EventRecord) []fired {
	var out []fired
	for i := range events {
		if matches(r, &events[i]) {
			out = append(out, e.alert(r, &events[i], "New event: "+describe(&events[i])))
		}
	}
	return out
}

// family is the CAMEO prefix a first_event rule compares: the rule's
// own code, or else the event's root.
func family(r store.AlertRule, ev *store.EventRecord) string {
	if r.Code != "" {
		return r.Code
	}
	return store.CameoRoot(ev.Cameo)
}

// firstEvent fires for a matching event that is the first of its code
// family between its two actors (either direction): nothing on an
// earlier day, nothing on the same day from another article. One alert
// per dyad and family per article.
func (e *Engine) firstEvent(ctx context.Context, r store.AlertRule, articleID string, events []store.EventRecord) ([]fired, error) {
	var out []fired
	seen := map[string]bool{}
	for i := range events {
		ev := &events[i]
		if !matches(r, ev) || ev.Day == "" {
			continue
		}
		src, tgt := ev.Source.Code, ""
		if ev.Target != nil {
			tgt = ev.Target.Code
		}
		fam := family(r, ev)
		key := src + "\x00" + tgt + "\x00" + fam
		rev := tgt + "\x00" + src + "\x00" + fam
		if seen[key] || seen[rev] {
			continue
		}
		seen[key] = true
		f := store.EventFilter{Source: src, Target: tgt, Undirected: tgt != "", Code: fam}
		first, err := e.noEarlier(ctx, f, ev, articleID)
		if err != nil {
			return out, err
		}
		if first {
			msg := fmt.Sprintf("First %s event between %s: %s", fam, dyadName(src, tgt), describe(ev))
			out = append(out, e.alert(r, ev, msg))
		}
	}
	return out, nil
}

func dyadName(a, b string) string {
	if b == "" {
		return a + " and anyone"
	}
	return a + " and " + b
}

// noEarlier reports whether no event matching f predates ev: none on an
// earlier day, none on ev's day from another article.
func (e *Engine) noEarlier(ctx context.Context, f store.EventFilter, ev *store.EventRecord, articleID string) (bool, error) {
	before := f
	before.Until = store.AddDays(ev.Day, -1)
	before.Limit = 1
	page, err := e.st.Events(ctx, before)
	if err != nil {
		return false, fmt.Errorf("earlier events: %w", err)
	}
	if len(page.Items) > 0 {
		return false, nil
	}
	same := f
	same.Since, same.Until = ev.Day, ev.Day
	same.Limit = store.MaxLimit
	for {
		page, err := e.st.Events(ctx, same)
		if err != nil {
			return false, fmt.Errorf("same-day events: %w", err)
		}
		for _, o := range page.Items {
			if o.ArticleID != articleID {
				return false, nil
			}
		}
		if page.Next == "" || len(page.Items) == 0 {
			return true, nil
		}
		same.Cursor = page.Next
	}
}

// sigma fires at most once per day of the article's matching events,
// when the day's count or index crosses K standard deviations from the
// trailing baseline because of this article.
func (e *Engine) sigma(ctx context.Context, r store.AlertRule, events []store.EventRecord) ([]fired, error) {
	if r.K <= 0 {
		return nil, fmt.Errorf("sigma rule needs K > 0, has %g", r.K)
	}
	window := max(r.Window, e.opts.SigmaMinDays)
	// This article's share of each day, to tell whether it caused the
	// crossing.
	type share struct {
		n     int
		gsum  float64
		first int // index of the first matching event, for the alert
	}
	days := map[string]*share{}
	var order []string
	for i := range events {
		ev := &events[i]
		if !matches(r, ev) || ev.Day == "" {
			continue
		}
		s := days[ev.Day]
		if s == nil {
			s = &share{first: i}
			days[ev.Day] = s
			order = append(order, ev.Day)
		}
		s.n++
		s.gsum += ev.Goldstein
	}
	var out []fired
	for _, day := range order {
		s := days[day]
		since := store.AddDays(day, -window)
		q := store.TimelineQuery{A: r.Source, B: r.Target, Directed: true, Code: r.Code, Interval: "day", Since: since, Until: day}
		pts, err := e.st.Timeline(ctx, q)
		if err != nil {
			return out, fmt.Errorf("timeline: %w", err)
		}
		dense := FillGaps(pts, "day", since, day)
		if len(dense) == 0 {
			continue
		}
		today := dense[len(dense)-1]
		base := dense[:len(dense)-1]
		v := e.sigmaVerdict(base, today, s.n, s.gsum, r.K)
		if v == "" {
			continue
		}
		ev := &events[s.first]
		msg := fmt.Sprintf("%s on %s, %s: %s", v, day, dyadName(orAny(r.Source), orAny(r.Target)), describe(ev))
		h := e.alert(r, ev, msg)
		h.alert.Cluster = "sigma:" + day // one departure alert per rule and day
		out = append(out, h)
	}
	return out, nil
}

func orAny(code string) string {
	if code == "" {
		return "any actor"
	}
	return code
}

// sigmaVerdict says why a day is anomalous ("" if it is not, or was
// already before this article's n events with Goldstein sum gsum).
func (e *Engine) sigmaVerdict(base []store.TimelinePoint, today store.TimelinePoint, n int, gsum, k float64) string {
	total := 0
	for _, p := range base {
		total += p.Count
	}
	if total < e.opts.SigmaMinEvents {
		return ""
	}
	// The day without this article: counts may not go below zero if the
	// store's aggregates skip some events (e.g. negated ones).
	prev := today
	prev.Count = max(0, today.Count-n)
	prev.Goldstein = today.Goldstein - gsum
	if prev.Count == 0 {
		prev.Goldstein = 0
	}

	var why []string
	mean, sd := Baseline(base, 0)
	zNow := ZScore(float64(today.Count), mean, sd, e.opts.SigmaCountFloor)
	zPrev := ZScore(float64(prev.Count), mean, sd, e.opts.SigmaCountFloor)
	if zNow >= k && zPrev < k {
		why = append(why, fmt.Sprintf("%d events against a %d-day mean of %.2f (sd %.2f, %.1fσ)", today.Count, len(base), mean, sd, zNow))
	}

	var active []store.TimelinePoint
	for _, p := range base {
		if p.Count > 0 {
			active = append(active, p)
		}
	}
	if len(active) >= e.opts.SigmaIndexMinDays && today.Count > 0 {
		im, isd := BaselineOf(active, 0, Index)
		zi := ZScore(Index(today), im, isd, e.opts.SigmaIndexFloor)
		was := false
		if prev.Count > 0 {
			was = math.Abs(ZScore(Index(prev), im, isd, e.opts.SigmaIndexFloor)) >= k
		}
		if math.Abs(zi) >= k && !was {
			dir := "cooperation"
			if zi < 0 {
				dir = "conflict"
			}
			why = append(why, fmt.Sprintf("Goldstein index %+.2f against a mean of %+.2f over %d active days (sd %.2f, %+.1fσ toward %s)", Index(today), im, len(active), isd, zi, dir))
		}
	}
	if len(why) == 0 {
		return ""
	}
	return "Departure from baseline: " + strings.Join(why, "; ")
}
